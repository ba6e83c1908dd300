import type { RunStatus } from '../api/workflow-runs.api';
import { StatusPill } from '../components/StatusPill';
import { WORKFLOW_RUN_STATUS_LABELS, WORKFLOW_RUN_STATUS_TONES } from './workflow-run-labels';

export function WorkflowRunStatusPill({ status }: { status: RunStatus }) {
  return (
    <StatusPill tone={WORKFLOW_RUN_STATUS_TONES[status]} testId="run-status">
      {WORKFLOW_RUN_STATUS_LABELS[status]}
    </StatusPill>
  );
}
