import type { CompileError } from '@rolecall/workflows/graph';
import type { CanvasSlice } from './canvas-store';

/** Per node: how many records left it by each outcome (a run's `nodes`). */
export type NodeCounts = Record<string, Record<string, number>>;

/**
 * What is drawn over the graph without being part of it: the compiler's verdict (live, or the
 * server's on Validate) and a run's per-node counts.
 */
export type AnnotationsSlice = {
  /** Null until the first compile; then every error pinned to its node or edge. */
  errors: CompileError[] | null;
  setErrors: (errors: readonly CompileError[]) => void;
  runCounts: NodeCounts | null;
  setRunOverlay: (counts: NodeCounts | null) => void;
};

export const createAnnotationsSlice: CanvasSlice<AnnotationsSlice> = (set) => ({
  errors: null,
  setErrors: (errors) => set({ errors: [...errors] }),
  runCounts: null,
  setRunOverlay: (runCounts) => set({ runCounts }),
});
