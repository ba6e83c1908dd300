import { Outlet } from 'react-router-dom';
import { fetchMe } from '../../api/auth.api';
import { MeContext } from '../../auth/me-context';
import '../../auth/auth.css';
import { Notice } from '../../components/Notice';
import { useApiData } from '../../hooks/use-api-data';
import { useHealth } from '../../health/use-health';
import { VaultBanner } from '../../health/VaultBanner';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

export function AppLayout() {
  // Without a session the API client answers 401 and sends the browser to the sign-in page.
  const me = useApiData((signal) => fetchMe(signal), []);
  // One poll feeds both the top bar's pills and the vault banner.
  const health = useHealth();
  if (!me.data) return me.error ? <Notice tone="error">{me.error}</Notice> : null;
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
