import type { ReactNode } from 'react';

type Props = { tone: 'error' | 'success' | 'info'; children: ReactNode; onDismiss?: () => void };

/** A message above a table or form: an API error to act on, or the outcome of an action. */
export function Notice({ tone, children, onDismiss }: Props) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="notice-body">{children}</div>
      {onDismiss && (
        <button type="button" className="notice-dismiss" onClick={onDismiss} aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  );
}
