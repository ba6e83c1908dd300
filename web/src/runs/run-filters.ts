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
  workflowId: string | undefined;
  /** `GET /api/all-runs` query; null when a status or trigger is one neither source knows, so nothing matches. */
  query: AllRunsListQuery | null;
};

type Status = NonNullable<AllRunsListQuery['status']>;
type Trigger = NonNullable<AllRunsListQuery['trigger']>;

// Records keyed by the server's own types: a status or trigger added there fails to compile here.
// (Plain data, not the zod schema: the Runs page stays out of the forms' zod chunk.)
/** Statuses of either source in menu order; `only` names the one source that has it. */
export const RUN_STATUSES: Record<Status, { label: string; only?: string }> = {
  running: { label: 'Running' },
  queued: { label: 'Queued' },
  awaiting_confirmation: { label: 'Awaiting confirmation', only: 'user loads' },
  awaiting_approval: { label: 'Awaiting approval', only: 'workflows' },
  completed: { label: 'Completed' },
  completed_with_warnings: { label: 'Completed with warnings', only: 'user loads' },
  failed: { label: 'Failed' },
  cancelled: { label: 'Cancelled' },
};
const TRIGGERS: Record<Trigger, true> = { manual: true, schedule: true, event: true };

/** The value when it is one of `known` (or absent); `false` when the URL holds one the server does not know. */
function known<T extends string>(value: string | undefined, known: Record<T, unknown>): T | undefined | false {
  if (value === undefined) return undefined;
  return Object.hasOwn(known, value) ? (value as T) : false;
}

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
  const workflowId = params.get('workflow') || undefined;
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const knownStatus = known(status, RUN_STATUSES);
  const knownTrigger = known(trigger, TRIGGERS);
  const query =
    knownStatus !== false && knownTrigger !== false
      ? {
          source,
          status: knownStatus,
          trigger: knownTrigger,
          integrationId: source === 'workflows' ? undefined : integrationId,
          workflowId: source === 'loads' ? undefined : workflowId,
          page,
          pageSize: RUNS_PAGE_SIZE,
        }
      : null;
  return { source, page, status, trigger, integrationId, workflowId, query };
}
