import { canConnect, defaults, type BlockType } from '@rolecall/workflows/graph';
import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type XYPosition,
} from '@xyflow/react';
import { newNodeId, type BlockEdge, type BlockNode } from './flow-graph';
import type { CanvasSlice } from './canvas-store';

/** Where pasted blocks land relative to the copies, so they do not hide their originals. */
const PASTE_OFFSET = 40;

export type GraphSlice = {
  nodes: BlockNode[];
  edges: BlockEdge[];
  /** Blocks copied with Ctrl/Cmd+C, with the connections between them. */
  clipboard: { nodes: BlockNode[]; edges: BlockEdge[] } | null;
  onNodesChange: (changes: NodeChange<BlockNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<BlockEdge>[]) => void;
  /** Adds the edge when the graph language allows it (`canConnect`); refused connections change nothing. */
  onConnect: (connection: Connection) => void;
  /** Drops a new block with its default config; returns its id. */
  addNode: (type: BlockType, position: XYPosition) => string;
  updateNodeData: (id: string, data: Record<string, unknown>) => void;
  /** Moves blocks (auto-layout) in one undoable step. */
  setPositions: (positions: ReadonlyMap<string, XYPosition>) => void;
  deleteSelection: () => void;
  copySelection: () => void;
  paste: () => void;
};

const idsOf = (nodes: readonly BlockNode[]) => new Set(nodes.map((n) => n.id));

export const createGraphSlice: CanvasSlice<GraphSlice> = (set, get) => ({
  nodes: [],
  edges: [],
  clipboard: null,
  onNodesChange: (changes) => {
    const { readOnly } = get();
    // A read-only canvas still lets React Flow measure and select nodes, never move or remove them.
    const allowed = readOnly ? changes.filter((c) => c.type === 'dimensions' || c.type === 'select') : changes;
    const nodes = applyNodeChanges(allowed, get().nodes);
    const selectionChanged = allowed.some((c) => c.type === 'select' || c.type === 'remove');
    set({ nodes, ...(selectionChanged ? { selectedNodeId: nodes.find((n) => n.selected)?.id ?? null } : {}) });
  },
  onEdgesChange: (changes) => {
    const allowed = get().readOnly ? changes.filter((c) => c.type === 'select') : changes;
    set({ edges: applyEdgeChanges(allowed, get().edges) });
  },
  onConnect: (connection) => {
    const { nodes, edges, readOnly } = get();
    if (readOnly || !canConnect({ nodes, edges }, connection)) return;
    set({ edges: addEdge({ ...connection, id: `e-${connection.source}-${connection.sourceHandle ?? 'next'}` }, edges) });
  },
  addNode: (type, position) => {
    const id = newNodeId(type, idsOf(get().nodes));
    const node: BlockNode = { id, type, position, data: defaults(type) as Record<string, unknown>, selected: true };
    set({ nodes: [...get().nodes.map((n) => ({ ...n, selected: false })), node], selectedNodeId: id });
    return id;
  },
  updateNodeData: (id, data) => {
    if (get().readOnly) return;
    set({ nodes: get().nodes.map((n) => (n.id === id ? { ...n, data } : n)) });
  },
  setPositions: (positions) => {
    set({ nodes: get().nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)) });
  },
  deleteSelection: () => {
    const { nodes, edges, readOnly } = get();
    if (readOnly) return;
    const gone = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
    set({
      nodes: nodes.filter((n) => !gone.has(n.id)),
      edges: edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target)),
      selectedNodeId: null,
    });
  },
  copySelection: () => {
    const { nodes, edges } = get();
    const picked = nodes.filter((n) => n.selected);
    if (picked.length === 0) return;
    const ids = idsOf(picked);
    set({ clipboard: { nodes: picked, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) } });
  },
  paste: () => {
    const { clipboard, nodes, edges, readOnly } = get();
    if (!clipboard || readOnly) return;
    // A graph has one Begin: a copied Begin is left out when the canvas already has one.
    const hasBegin = nodes.some((n) => n.type === 'begin');
    const copies = clipboard.nodes.filter((n) => !(n.type === 'begin' && hasBegin));
    const taken = idsOf(nodes);
    const newIds = new Map<string, string>();
    for (const n of copies) {
      const id = newNodeId(n.type ?? 'node', taken);
      taken.add(id);
      newIds.set(n.id, id);
    }
    const pasted: BlockNode[] = copies.map((n) => ({
      ...n,
      id: newIds.get(n.id)!,
      position: { x: n.position.x + PASTE_OFFSET, y: n.position.y + PASTE_OFFSET },
      data: structuredClone(n.data),
      selected: true,
    }));
    const pastedEdges: BlockEdge[] = clipboard.edges
      .filter((e) => newIds.has(e.source) && newIds.has(e.target))
      .map((e) => ({ ...e, id: `e-${newIds.get(e.source)}-${e.sourceHandle ?? 'next'}`, source: newIds.get(e.source)!, target: newIds.get(e.target)!, selected: false }));
    set({
      nodes: [...nodes.map((n) => ({ ...n, selected: false })), ...pasted],
      edges: [...edges, ...pastedEdges],
      selectedNodeId: pasted.length === 1 ? pasted[0]!.id : null,
    });
  },
});
