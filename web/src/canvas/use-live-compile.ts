import { compile, type CompileContext } from '@rolecall/workflows/graph';
import { useEffect } from 'react';
import type { CanvasStore } from './store/canvas-store';
import { toDraft } from './store/flow-graph';

/** Long enough to skip the frames of a drag, short enough to feel live. */
const COMPILE_DELAY_MS = 200;

/**
 * Runs the server's own `compile()` on the graph after each change and pins its errors to the
 * blocks: a subscriber of the store, so editing code never has to remember to validate.
 */
export function useLiveCompile(store: CanvasStore, context: CompileContext | undefined): void {
  useEffect(() => {
    if (!context) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const { nodes, edges, setErrors } = store.getState();
      const result = compile(toDraft(nodes, edges), context);
      setErrors(result.ok ? [] : result.errors);
    };
    run();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.nodes === previous.nodes && state.edges === previous.edges) return;
      clearTimeout(timer);
      timer = setTimeout(run, COMPILE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, context]);
}
