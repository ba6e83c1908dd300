import { describe, expect, it } from 'vitest';
import { runFilters } from './run-filters';

const read = (search: string) => runFilters(new URLSearchParams(search));
const INTEGRATION = '6f1c7c1e-5b0e-4b8a-9d51-2a8f1d3c4e5f';

describe('runFilters', () => {
  it('asks the server for the page itself, however deep, when both sources are merged', () => {
    const f = read('page=9');
    expect(f.source).toBe('all');
    expect(f.page).toBe(9);
    expect(f.query).toEqual({ source: 'all', page: 9, pageSize: 50 });
  });

  it('passes the source, status, trigger and integration on for the server to filter and rule out', () => {
    expect(read(`source=loads&status=completed_with_warnings&trigger=schedule&integration=${INTEGRATION}&page=2`).query).toEqual({
      source: 'loads',
      status: 'completed_with_warnings',
      trigger: 'schedule',
      integrationId: INTEGRATION,
      page: 2,
      pageSize: 50,
    });
    expect(read('status=awaiting_approval&trigger=event').query).toMatchObject({ source: 'all', status: 'awaiting_approval', trigger: 'event' });
  });

  it('drops an integration left in the URL when only workflow runs are listed, since the menu is hidden there', () => {
    expect(read(`source=workflows&integration=${INTEGRATION}`)).toMatchObject({ integrationId: INTEGRATION, query: { source: 'workflows', integrationId: undefined } });
  });

  it("passes a workflow on, and drops it when only user loads are listed", () => {
    const WORKFLOW = '7a1c7c1e-5b0e-4b8a-9d51-2a8f1d3c4e5f';
    expect(read(`source=workflows&workflow=${WORKFLOW}`).query).toMatchObject({ source: 'workflows', workflowId: WORKFLOW });
    expect(read(`workflow=${WORKFLOW}`).query).toMatchObject({ source: 'all', workflowId: WORKFLOW });
    expect(read(`source=loads&workflow=${WORKFLOW}`)).toMatchObject({ workflowId: WORKFLOW, query: { source: 'loads', workflowId: undefined } });
  });

  it('matches nothing for a status or trigger neither source knows, without asking the server', () => {
    expect(read('status=bogus').query).toBeNull();
    expect(read('trigger=webhook').query).toBeNull();
  });

  it('reads a missing or malformed page as the first', () => {
    expect(read('page=0').page).toBe(1);
    expect(read('page=abc').page).toBe(1);
  });
});
