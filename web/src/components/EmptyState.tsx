import type { ReactNode } from 'react';

type Props = { title: string; children: ReactNode };

export function EmptyState({ title, children }: Props) {
  return (
    <section className="empty-state" data-testid="empty-state">
      <h2>{title}</h2>
      <div className="empty-state-body">{children}</div>
    </section>
  );
}
