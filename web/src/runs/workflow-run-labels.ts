import type { RunStatus, RunView } from '../api/workflow-runs.api';
import type { PillTone } from '../components/StatusPill';
import { countOf, formatNumber } from '../lib/format';

export const WORKFLOW_RUN_STATUS_TONES: Record<RunStatus, PillTone> = {
  queued: 'neutral',
  running: 'info',
  awaiting_approval: 'warn',
  completed: 'up',
  failed: 'down',
  cancelled: 'neutral',
};

export const WORKFLOW_RUN_STATUS_LABELS: Record<RunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  awaiting_approval: 'Awaiting approval',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const WORKFLOW_RUN_TRIGGER_LABELS: Record<RunView['trigger']['kind'], string> = {
  manual: 'Run now',
  schedule: 'Schedule',
  event: 'Event',
};

/** "12 of 40 records" once the population is known; before that only what is done. */
export function workflowRunProgress({ progress }: Pick<RunView, 'progress'>): string {
  return progress.total === null ? `${countOf(progress.done, 'record')} done` : `${formatNumber(progress.done)} of ${countOf(progress.total, 'record')}`;
}
