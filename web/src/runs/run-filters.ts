import { AllRunsQuerySchema } from '@rolecall/server/api';
import type { AllRunsListQuery, RunSource } from '../api/all-runs.api';

export type { RunSource };

/** Rows on one page of the Runs page. */
export const RUNS_PAGE_SIZE = 50;

/** The Runs page's URL, read: what the menus show and what the server is asked for. */
export type RunFilters = {
  source: RunSource;
  page: number;
  status: string | undefined;
  trigger: string | undefined;
  integrationId: string | undefined;
  /** `GET /api/all-runs` query; null when a status or trigger is one neither source knows, so nothing matches. */
  query: AllRunsListQuery | null;
};

const { status: StatusSchema, trigger: TriggerSchema } = AllRunsQuerySchema.shape;

/**
 * Reads the Runs page's URL. The server merges and pages both sources, and rules out the one a
 * status, trigger or integration cannot match; an unknown status or trigger (an old link) matches nothing.
 */
export function runFilters(params: URLSearchParams): RunFilters {
  const raw = params.get('source');
  const source: RunSource = raw === 'loads' || raw === 'workflows' ? raw : 'all';
  const status = params.get('status') || undefined;
  const trigger = params.get('trigger') || undefined;
  const integrationId = params.get('integration') || undefined;
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const knownStatus = StatusSchema.safeParse(status);
  const knownTrigger = TriggerSchema.safeParse(trigger);
  const query =
    knownStatus.success && knownTrigger.success
      ? { source, status: knownStatus.data, trigger: knownTrigger.data, integrationId: source === 'workflows' ? undefined : integrationId, page, pageSize: RUNS_PAGE_SIZE }
      : null;
  return { source, page, status, trigger, integrationId, query };
}
