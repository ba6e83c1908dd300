import { HealthStatus } from '../../health/HealthStatus';

export function TopBar() {
  return (
    <header className="topbar">
      <HealthStatus />
    </header>
  );
}
