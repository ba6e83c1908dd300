import type { Role } from '../../api/auth.api';
import type { NavIconName } from './NavIcon';

/** One sidebar entry: the route it opens, the icon drawn beside its label, and who sees it (everyone when unset). */
export type NavItem = { to: string; label: string; icon: NavIconName; role?: Role };

/** Sidebar order follows the admin's path: home, draw workflows, check who they touch, wire up apps. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Home', icon: 'home' },
  { to: '/workflows', label: 'Workflows', icon: 'workflows' },
  { to: '/inventory', label: 'Inventory', icon: 'inventory' },
  { to: '/integrations', label: 'Integrations', icon: 'integrations' },
  { to: '/credentials', label: 'Credentials', icon: 'credentials' },
  { to: '/runs', label: 'Runs', icon: 'runs' },
  { to: '/users', label: 'Users', icon: 'users', role: 'admin' },
  { to: '/audit', label: 'Audit log', icon: 'audit', role: 'admin' },
  { to: '/account', label: 'Account', icon: 'account' },
];
