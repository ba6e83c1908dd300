import type { GraphDraft } from '@rolecall/workflows/graph';
import { temporal } from 'zundo';
import { createStore, type StateCreator } from 'zustand/vanilla';
import { createAnnotationsSlice, type AnnotationsSlice } from './annotations-slice';
import { toDraft, toFlow, type BlockEdge, type BlockNode } from './flow-graph';
import { createGraphSlice, type GraphSlice } from './graph-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';

export type CanvasState = GraphSlice &
  SelectionSlice &
  AnnotationsSlice & {
    /** A launched version or a run: blocks can be selected and inspected, not changed. */
    readOnly: boolean;
  };

/** A slice of the canvas state, created inside the undo (temporal) middleware. */
export type CanvasSlice<T> = StateCreator<CanvasState, [['temporal', unknown]], [], T>;

/** What undo and redo restore: the graph itself, never selection, sizes or overlays. */
type History = { nodes: BlockNode[]; edges: BlockEdge[] };

/** Edits closer together than this are one undo step (a drag sends a position per frame). */
const UNDO_BURST_MS = 400;

const historyOf = (s: Pick<CanvasState, 'nodes' | 'edges'>): History => ({
  nodes: s.nodes.map(({ id, type, position, data }) => ({ id, type, position, data })),
  edges: s.edges.map(({ id, source, sourceHandle, target }) => ({ id, source, sourceHandle, target })),
});

/** Same graph for the history: selecting or measuring a block is not an edit. */
const sameGraph = (a: History, b: History) => JSON.stringify(toDraft(a.nodes, a.edges)) === JSON.stringify(toDraft(b.nodes, b.edges));

/**
 * Records the state before the first change of a burst and drops the rest of it, so one drag or
 * one typed word is one undo step.
 */
function firstOfBurst<A extends unknown[]>(record: (...args: A) => void): (...args: A) => void {
  let quietAt = 0;
  return (...args) => {
    const now = Date.now();
    if (now >= quietAt) record(...args);
    quietAt = now + UNDO_BURST_MS;
  };
}

/**
 * The canvas's state: one vanilla store per open graph (editor or viewer), made of the graph,
 * selection and annotation slices, with undo/redo over the graph only. A store, not a module
 * singleton, so two canvases never share state and tests start clean.
 */
export function createCanvasStore({ graph, readOnly = false }: { graph: GraphDraft; readOnly?: boolean }) {
  return createStore<CanvasState>()(
    temporal<CanvasState, [], [], History>(
      (...a) => ({
        ...createGraphSlice(...a),
        ...createSelectionSlice(...a),
        ...createAnnotationsSlice(...a),
        ...toFlow(graph),
        readOnly,
      }),
      {
        partialize: historyOf,
        equality: sameGraph,
        limit: 100,
        handleSet: (record) => firstOfBurst(record),
      },
    ),
  );
}

export type CanvasStore = ReturnType<typeof createCanvasStore>;
