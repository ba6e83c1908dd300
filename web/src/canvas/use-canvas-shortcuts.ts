import { useEffect } from 'react';
import type { CanvasStore } from './store/canvas-store';

/** Typing in a panel field must not copy blocks or undo the graph. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Ctrl/Cmd+C and +V copy and paste the selected blocks, +Z undoes, +Shift+Z or +Y redoes, while
 * the focus is on the canvas (not in a form field). Delete and Backspace are React Flow's own.
 */
export function useCanvasShortcuts(store: CanvasStore, element: HTMLElement | null): void {
  useEffect(() => {
    if (!element) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const state = store.getState();
      const history = store.temporal.getState();
      if (key === 'c') state.copySelection();
      else if (key === 'v') state.paste();
      else if (key === 'z' && !event.shiftKey) history.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') history.redo();
      else return;
      event.preventDefault();
    };
    element.addEventListener('keydown', onKey);
    return () => element.removeEventListener('keydown', onKey);
  }, [store, element]);
}
