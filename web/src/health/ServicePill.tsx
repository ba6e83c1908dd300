import type { ServiceHealth } from '@rolecall/server/api';

type Props = { testId: string; label: string; service: ServiceHealth };

export function ServicePill({ testId, label, service }: Props) {
  const tooltip =
    service.status === 'up'
      ? `${label} answered in ${service.latencyMs} ms`
      : (service.error ?? `${label} did not answer`);
  return (
    <span className={`pill pill-${service.status}`} data-testid={testId} title={tooltip}>
      <span className="pill-dot" aria-hidden="true" />
      {label} {service.status}
    </span>
  );
}
