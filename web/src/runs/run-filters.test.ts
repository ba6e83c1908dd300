import { describe, expect, it } from 'vitest';
import { runFilters } from './run-filters';

const read = (search: string) => runFilters(new URLSearchParams(search));
const INTEGRATION = '6f1c7c1e-5b0e-4b8a-9d51-2a8f1d3c4e5f';

describe('runFilters', () => {
  it('asks both sources from their first row when merged, enough rows for the page', () => {
    const f = read('page=3');
    expect(f.source).toBe('all');
    expect(f.loads).toEqual({ page: 1, pageSize: 150 });
    expect(f.workflows).toEqual({ page: 1, pageSize: 150 });
  });

  it('caps the merged page where the load list stops answering', () => {
    expect(read('page=9')).toMatchObject({ page: 4, loads: { pageSize: 200 } });
  });

  it('pages one source directly and leaves the other out', () => {
    expect(read('source=workflows&page=9')).toMatchObject({ page: 9, loads: null, workflows: { page: 9, pageSize: 50 } });
    expect(read('source=loads&page=2')).toMatchObject({ loads: { page: 2, pageSize: 50 }, workflows: null });
  });

  it('rules out the source that cannot match a status, a trigger or an integration', () => {
    expect(read('status=awaiting_approval')).toMatchObject({ loads: null, workflows: { status: 'awaiting_approval' } });
    expect(read('status=completed_with_warnings')).toMatchObject({ loads: { status: 'completed_with_warnings' }, workflows: null });
    expect(read('trigger=event')).toMatchObject({ loads: null, workflows: { trigger: 'event' } });
    expect(read(`integration=${INTEGRATION}`)).toMatchObject({ loads: { integrationId: INTEGRATION }, workflows: null });
    expect(read('status=failed&trigger=schedule')).toMatchObject({ loads: { status: 'failed', trigger: 'schedule' }, workflows: { status: 'failed', trigger: 'schedule' } });
  });

  it('matches nothing for a status neither source knows', () => {
    expect(read('status=bogus')).toMatchObject({ loads: null, workflows: null });
  });
});
