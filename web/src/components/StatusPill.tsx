import type { ReactNode } from 'react';

/** up = good, down = broken, warn = needs attention, info = in progress, neutral = at rest. */
export type PillTone = 'up' | 'down' | 'warn' | 'info' | 'neutral';

type Props = { tone: PillTone; children: ReactNode; title?: string; testId?: string };

export function StatusPill({ tone, children, title, testId }: Props) {
  return (
    <span className={`pill pill-${tone}`} title={title} data-testid={testId}>
      <span className="pill-dot" aria-hidden="true" />
      {children}
    </span>
  );
}
