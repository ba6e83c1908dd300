import { NavLink } from 'react-router-dom';
import { useMe } from '../../auth/me-context';
import { NavIcon } from './NavIcon';
import { NAV_ITEMS } from './nav-items';

export function Sidebar() {
  const me = useMe();
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <span className="sidebar-logo" aria-hidden="true">
          R
        </span>
        <span className="sidebar-name">Rolecall</span>
      </div>
      <nav className="sidebar-nav" aria-label="Main">
        {NAV_ITEMS.filter((item) => !item.role || item.role === me.role).map((item) => (
          <NavLink
            key={item.to}
            to={item.to}
            end={item.to === '/'}
            className={({ isActive }) => (isActive ? 'nav-link nav-link-active' : 'nav-link')}
          >
            <NavIcon name={item.icon} />
            {item.label}
          </NavLink>
        ))}
      </nav>
    </aside>
  );
}
