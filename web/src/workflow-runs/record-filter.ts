/** The run view's record filter, kept in the URL so a filtered list can be shared and Back works. */
export type RecordFilter = { nodeId?: string; outcome?: string; page: number };

export const RECORDS_PAGE_SIZE = 50;

export function recordFilterOf(params: URLSearchParams): RecordFilter {
  const page = Number(params.get('page'));
  return {
    nodeId: params.get('node') || undefined,
    outcome: params.get('outcome') || undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The params with the filter changed; any change but the page itself starts again at page 1. */
export function withRecordFilter(params: URLSearchParams, change: Partial<RecordFilter>): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | undefined) => (value ? next.set(key, value) : next.delete(key));
  if ('nodeId' in change) set('node', change.nodeId);
  if ('outcome' in change) set('outcome', change.outcome);
  set('page', change.page && change.page > 1 ? String(change.page) : undefined);
  return next;
}
