import { LoadRunStatusSchema, LoadRunTriggerSchema, RunStatusSchema, RunTriggerKindSchema } from '@rolecall/server/api';
import type { LoadRunListQuery } from '../api/integrations.api';
import type { WorkflowRunQuery } from '../api/workflow-runs.api';

export type RunSource = 'all' | 'loads' | 'workflows';

/** Rows on one page of the Runs page. */
export const RUNS_PAGE_SIZE = 50;
/**
 * "All" merges the newest runs of both sources, so page p needs the first p pages of each;
 * `GET /api/load-runs` answers at most 200 rows at once, which caps the merged list at 4 pages.
 */
export const MERGED_PAGES = 4;

/** What the Runs page asks each source for; null = that source has no run matching the filters. */
export type RunFilters = {
  source: RunSource;
  page: number;
  status: string | undefined;
  trigger: string | undefined;
  integrationId: string | undefined;
  loads: LoadRunListQuery | null;
  workflows: WorkflowRunQuery | null;
};

/**
 * Reads the Runs page's URL. A status or trigger only one source knows (awaiting approval, event)
 * and an integration (loads only) rule out the other source instead of being ignored by it.
 */
export function runFilters(params: URLSearchParams): RunFilters {
  const raw = params.get('source');
  const source: RunSource = raw === 'loads' || raw === 'workflows' ? raw : 'all';
  const status = params.get('status') || undefined;
  const trigger = params.get('trigger') || undefined;
  const integrationId = params.get('integration') || undefined;
  const wanted = Math.max(1, Number(params.get('page')) || 1);
  const page = source === 'all' ? Math.min(wanted, MERGED_PAGES) : wanted;
  // Both sources are read from their first row when merged; the page is cut out of the merge.
  const paging = source === 'all' ? { page: 1, pageSize: page * RUNS_PAGE_SIZE } : { page, pageSize: RUNS_PAGE_SIZE };

  const loadStatus = LoadRunStatusSchema.safeParse(status);
  const loadTrigger = LoadRunTriggerSchema.safeParse(trigger);
  const loads =
    source !== 'workflows' && (!status || loadStatus.success) && (!trigger || loadTrigger.success)
      ? { integrationId, status: loadStatus.data, trigger: loadTrigger.data, ...paging }
      : null;

  const runStatus = RunStatusSchema.safeParse(status);
  const runTrigger = RunTriggerKindSchema.safeParse(trigger);
  const workflows =
    source !== 'loads' && !integrationId && (!status || runStatus.success) && (!trigger || runTrigger.success)
      ? { status: runStatus.data, trigger: runTrigger.data, ...paging }
      : null;

  return { source, page, status, trigger, integrationId, loads, workflows };
}
