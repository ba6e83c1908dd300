import type { Integration } from '../api/integrations.api';
import { StatusPill } from '../components/StatusPill';
import { integrationStatus } from './integration-labels';

export function IntegrationStatusPill({ integration }: { integration: Pick<Integration, 'status' | 'readiness'> }) {
  const { label, tone, title } = integrationStatus(integration);
  return (
    <StatusPill tone={tone} title={title} testId="integration-status">
      {label}
    </StatusPill>
  );
}
