import { errorMessage } from '../../api/api-client';
import { signOut } from '../../api/auth.api';
import { useMe } from '../../auth/me-context';
import type { HealthState } from '../../health/fetch-health';
import { HealthStatus } from '../../health/HealthStatus';

async function signOutAndLeave() {
  try {
    await signOut();
  } catch (error) {
    // The session may already be gone; the sign-in page is right either way.
    console.warn(`sign out: ${errorMessage(error)}`);
  }
  window.location.assign('/sign-in');
}

export function TopBar({ health }: { health: HealthState }) {
  const me = useMe();
  return (
    <header className="topbar">
      <HealthStatus state={health} />
      <div className="topbar-user" data-testid="signed-in-user">
        <span>{me.email}</span>
        <span className="topbar-user-role">{me.role}</span>
        <button type="button" className="btn btn-sm" onClick={() => void signOutAndLeave()}>
          Sign out
        </button>
      </div>
    </header>
  );
}
