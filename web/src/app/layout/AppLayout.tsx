import { useQuery } from '@tanstack/react-query';
import { queries } from '../../api/queries';
import { Outlet } from 'react-router-dom';
import { MeContext } from '../../auth/me-context';
import '../../auth/auth.css';
import { Notice } from '../../components/Notice';
import { useHealth } from '../../health/use-health';
import { VaultBanner } from '../../health/VaultBanner';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

export function AppLayout() {
  // Without a session the API client answers 401 and sends the browser to the sign-in page.
  const me = useQuery(queries.me());
  // One poll feeds both the top bar's pills and the vault banner.
  const health = useHealth();
  if (!me.data) return me.error ? <Notice tone="error">{me.error.message}</Notice> : null;
  return (
    <MeContext.Provider value={me.data}>
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
    </MeContext.Provider>
  );
}
