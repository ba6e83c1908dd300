import type { FormEventHandler, ReactNode } from 'react';
import { ModalDialog } from '../components/ModalDialog';
import { Notice } from '../components/Notice';

type Props = {
  id: string;
  title: string;
  children: ReactNode;
  submitLabel: string;
  busy: boolean;
  /** Why the last submit failed (the API's message), shown above the buttons. */
  error?: string;
  /** False while the form cannot be sent at all (nothing to choose from yet). */
  canSubmit?: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
};

/** A modal form (the dialogs that create a workflow); mounted only while it is open. */
export function FormDialog({ id, title, children, submitLabel, busy, error, canSubmit = true, onSubmit, onCancel }: Props) {
  return (
    <ModalDialog labelledBy={`${id}-title`} busy={busy} onCancel={onCancel}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="dialog-body stack">{children}</div>
        {error && <Notice tone="error">{error}</Notice>}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !canSubmit}>
            {busy ? 'Creating…' : submitLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
