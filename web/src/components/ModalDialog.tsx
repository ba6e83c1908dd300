import { useEffect, useRef, type ReactNode } from 'react';

type Props = {
  /** Id of the heading inside that names the dialog. */
  labelledBy: string;
  /** While busy, Escape does not close it (the call it waits for would be orphaned). */
  busy: boolean;
  onCancel: () => void;
  children: ReactNode;
};

/**
 * A native modal `<dialog>`, open while mounted: focus is trapped and the page behind is inert
 * (the browser does both); Escape cancels unless busy.
 */
export function ModalDialog({ labelledBy, busy, onCancel, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
