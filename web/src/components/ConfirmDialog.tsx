import type { ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The button that backs out; say what it keeps when "Cancel" would be ambiguous ("Keep waiting"). */
  dismissLabel?: string;
  /** Danger paints the confirm button red: the action is hard to take back. */
  tone?: 'danger' | 'primary';
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A modal question before a consequential action; mounted only while it is asked. */
export function ConfirmDialog({ title, children, confirmLabel, dismissLabel = 'Cancel', tone = 'primary', busy = false, onConfirm, onCancel }: Props) {
  return (
    <ModalDialog labelledBy="confirm-dialog-title" busy={busy} onCancel={onCancel}>
      <h2 id="confirm-dialog-title">{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        {/* A dangerous action starts on Cancel so a stray Enter does not take it. */}
        <button type="button" className="btn" onClick={onCancel} disabled={busy} autoFocus={tone === 'danger'}>
          {dismissLabel}
        </button>
        <button type="button" className={`btn btn-${tone}`} onClick={onConfirm} disabled={busy} autoFocus={tone !== 'danger'}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
