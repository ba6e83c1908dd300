import type { RunStatus } from '../api/integrations.api';
import { StatusPill } from '../components/StatusPill';
import { RUN_STATUS_LABELS, RUN_STATUS_TONES } from './integration-labels';

export function RunStatusPill({ status, title }: { status: RunStatus; title?: string }) {
  return (
    <StatusPill tone={RUN_STATUS_TONES[status]} title={title} testId="run-status">
      {RUN_STATUS_LABELS[status]}
    </StatusPill>
  );
}
