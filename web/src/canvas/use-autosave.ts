import type { GraphDraft } from '@rolecall/workflows/graph';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/api-client';
import { updateWorkflow } from '../api/workflows.api';
import type { CanvasStore } from './store/canvas-store';
import { toDraft } from './store/flow-graph';

/** Quiet time after the last edit before the draft is saved. */
const AUTOSAVE_DELAY_MS = 1500;

export type SaveState = { status: 'saved' | 'unsaved' | 'saving' } | { status: 'failed'; message: string };

/**
 * Saves the draft graph a moment after each edit: a store subscriber, so setters stay pure.
 * `saveNow()` flushes before Validate, Launch and leaving; saves run one at a time, in order.
 */
export function useAutosave(store: CanvasStore, workflowId: string, saved: GraphDraft): { state: SaveState; saveNow: () => Promise<void> } {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  const lastSaved = useRef(JSON.stringify(saved));
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const saveNow = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const next = chain.current.then(async () => {
      const { nodes, edges } = store.getState();
      const graph = toDraft(nodes, edges);
      const json = JSON.stringify(graph);
      if (json === lastSaved.current) return setState({ status: 'saved' });
      setState({ status: 'saving' });
      try {
        const view = await updateWorkflow(workflowId, { graph });
        lastSaved.current = json;
        queryClient.setQueryData(['workflows', workflowId], view);
        const changedMeanwhile = JSON.stringify(toDraft(store.getState().nodes, store.getState().edges)) !== json;
        setState({ status: changedMeanwhile ? 'unsaved' : 'saved' });
      } catch (err) {
        setState({ status: 'failed', message: errorMessage(err) });
        throw err;
      }
    });
    // A failed save must not block the next one.
    chain.current = next.catch(() => undefined);
    return next;
  }, [store, workflowId, queryClient]);

  useEffect(() => {
    const unsubscribe = store.subscribe((s, previous) => {
      if (s.nodes === previous.nodes && s.edges === previous.edges) return;
      if (JSON.stringify(toDraft(s.nodes, s.edges)) === lastSaved.current) return;
      setState((current) => (current.status === 'saving' ? current : { status: 'unsaved' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow().catch(() => undefined), AUTOSAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer.current);
      unsubscribe();
    };
  }, [store, saveNow]);

  return { state, saveNow };
}
