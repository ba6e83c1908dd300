import type { HealthState } from './fetch-health';
import { ServicePill } from './ServicePill';

export function HealthStatus({ state }: { state: HealthState }) {
  return (
    <div className="health" role="status" aria-live="polite" aria-label="Service status">
      {state.kind === 'checking' && (
        <span className="pill pill-neutral" data-testid="health-api">
          <span className="pill-dot" aria-hidden="true" />
          Checking services…
        </span>
      )}
      {state.kind === 'unreachable' && (
        <span className="pill pill-down" data-testid="health-api" title={state.reason}>
          <span className="pill-dot" aria-hidden="true" />
          API unreachable
        </span>
      )}
      {state.kind === 'reported' && (
        <>
          <ServicePill testId="health-postgres" label="Postgres" service={state.health.services.postgres} />
          <ServicePill testId="health-temporal" label="Temporal" service={state.health.services.temporal} />
          <ServicePill testId="health-vault" label="Vault" service={state.health.services.vault} />
          <span className="health-version" title="Rolecall server version">
            v{state.health.version}
          </span>
        </>
      )}
    </div>
  );
}
