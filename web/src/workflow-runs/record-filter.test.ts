import { describe, expect, it } from 'vitest';
import { recordFilterOf, withRecordFilter } from './record-filter';

describe('record filter in the URL', () => {
  it('reads node, outcome and page, ignoring junk pages', () => {
    expect(recordFilterOf(new URLSearchParams('node=deactivate&outcome=held&page=3'))).toEqual({ nodeId: 'deactivate', outcome: 'held', page: 3 });
    expect(recordFilterOf(new URLSearchParams('page=-2'))).toEqual({ nodeId: undefined, outcome: undefined, page: 1 });
    expect(recordFilterOf(new URLSearchParams('page=abc&node='))).toEqual({ nodeId: undefined, outcome: undefined, page: 1 });
  });

  it('keeps other params, drops cleared keys and resets the page on a new filter', () => {
    const params = new URLSearchParams('node=a&outcome=error&page=4&tab=x');
    expect(withRecordFilter(params, { nodeId: 'b' }).toString()).toBe('node=b&outcome=error&tab=x');
    expect(withRecordFilter(params, { outcome: undefined }).toString()).toBe('node=a&tab=x');
    expect(withRecordFilter(params, { page: 5 }).get('page')).toBe('5');
    expect(withRecordFilter(params, { page: 1 }).has('page')).toBe(false);
  });
});
