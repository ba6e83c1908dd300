import { useEffect, useRef, type ReactNode } from 'react';
import { useBlocker } from 'react-router-dom';
import { ConfirmDialog } from '../components/ConfirmDialog';

/**
 * Asks before leaving a form with unsaved changes: in-app navigation (react-router's blocker)
 * gets a dialog, closing or reloading the tab the browser's own prompt. Call `allowLeave()` just
 * before navigating away after a save, when the form is still dirty for one more render.
 */
export function useUnsavedChangesPrompt(dirty: boolean): { prompt: ReactNode; allowLeave: () => void } {
  // Refs, not state: the blocker is asked at navigation time and must see this render's answer.
  const dirtyRef = useRef(dirty);
  const allowed = useRef(false);
  dirtyRef.current = dirty;

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirtyRef.current && !allowed.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const prompt =
    blocker.state === 'blocked' ? (
      <ConfirmDialog
        title="Leave without saving?"
        confirmLabel="Leave page"
        tone="danger"
        onConfirm={() => blocker.proceed()}
        onCancel={() => blocker.reset()}
      >
        <p>Your changes on this page are not saved yet. Stay to save them, or leave and lose them.</p>
      </ConfirmDialog>
    ) : null;

  return { prompt, allowLeave: () => (allowed.current = true) };
}
