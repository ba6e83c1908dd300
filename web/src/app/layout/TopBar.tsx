import type { HealthState } from '../../health/fetch-health';
import { HealthStatus } from '../../health/HealthStatus';

export function TopBar({ health }: { health: HealthState }) {
  return (
    <header className="topbar">
      <HealthStatus state={health} />
    </header>
  );
}
