import {
  applyEdgeChanges,
  applyNodeChanges,
  type Edge,
  type Node,
  type OnEdgesChange,
  type OnNodesChange,
} from '@xyflow/react';
import { create } from 'zustand';

/** The workflow graph being edited, in React Flow's own node/edge shape. */
export type GraphState = {
  nodes: Node[];
  edges: Edge[];
  onNodesChange: OnNodesChange;
  onEdgesChange: OnEdgesChange;
};

/** Graph slice of the canvas editor; selection and run-overlay slices join it as the editor grows. */
export const useGraphStore = create<GraphState>()((set) => ({
  nodes: [],
  edges: [],
  onNodesChange: (changes) => set((state) => ({ nodes: applyNodeChanges(changes, state.nodes) })),
  onEdgesChange: (changes) => set((state) => ({ edges: applyEdgeChanges(changes, state.edges) })),
}));
