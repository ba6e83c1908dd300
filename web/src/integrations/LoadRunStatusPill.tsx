import type { LoadRunStatus } from '../api/integrations.api';
import { StatusPill } from '../components/StatusPill';
import { LOAD_RUN_STATUS_LABELS, LOAD_RUN_STATUS_TONES } from './integration-labels';

export function LoadRunStatusPill({ status, title }: { status: LoadRunStatus; title?: string }) {
  return (
    <StatusPill tone={LOAD_RUN_STATUS_TONES[status]} title={title} testId="run-status">
      {LOAD_RUN_STATUS_LABELS[status]}
    </StatusPill>
  );
}
