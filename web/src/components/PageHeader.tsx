import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';

type Props = {
  title: string;
  description: ReactNode;
  /** Buttons on the right of the title (New…, Run now). */
  actions?: ReactNode;
  /** A link above the title back to the parent page. */
  back?: { to: string; label: string };
};

export function PageHeader({ title, description, actions, back }: Props) {
  useEffect(() => {
    document.title = `${title} · Rolecall`;
  }, [title]);

  return (
    <header className="page-header">
      <div className="page-header-text">
        {back && (
          <Link className="page-header-back" to={back.to}>
            ← {back.label}
          </Link>
        )}
        <h1>{title}</h1>
        <p>{description}</p>
      </div>
      {actions && <div className="page-header-actions">{actions}</div>}
    </header>
  );
}
