import type { CanvasSlice } from './canvas-store';

export type SelectionSlice = {
  /** The one selected block whose properties panel is open; null for none or several. */
  selectedNodeId: string | null;
  /** Selects one block (the checklist, the run view) or clears the selection. */
  select: (id: string | null) => void;
};

export const createSelectionSlice: CanvasSlice<SelectionSlice> = (set, get) => ({
  selectedNodeId: null,
  select: (id) =>
    set({
      selectedNodeId: id,
      nodes: get().nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })),
    }),
});
