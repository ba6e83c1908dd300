import { Outlet } from 'react-router-dom';
import { useHealth } from '../../health/use-health';
import { VaultBanner } from '../../health/VaultBanner';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

export function AppLayout() {
  // One poll feeds both the top bar's pills and the vault banner.
  const health = useHealth();
  return (
    <div className="app-shell">
      <Sidebar />
      <div className="app-main">
        <TopBar health={health} />
        <VaultBanner state={health} />
        <main className="app-content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
