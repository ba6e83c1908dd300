import type { GraphDraft } from '@rolecall/workflows/graph';
import { describe, expect, it } from 'vitest';
import { createCanvasStore } from './canvas-store';
import { toDraft } from './flow-graph';

const graph: GraphDraft = {
  nodes: [
    { id: 'begin', type: 'begin', position: { x: 0, y: 0 }, data: { trigger: { kind: 'manual' }, population: { appId: 'a', rule: { match: 'all', clauses: [] } } } },
    { id: 'rule', type: 'rule', position: { x: 0, y: 150 }, data: { match: 'all', clauses: [] } },
    { id: 'end', type: 'end', position: { x: 0, y: 300 }, data: {} },
  ],
  edges: [{ id: 'e1', source: 'begin', sourceHandle: null, target: 'rule' }],
};

/** Undo groups edits closer than its burst window; tests step past it. */
const nextBurst = () => new Promise((resolve) => setTimeout(resolve, 450));

describe('canvas store', () => {
  it('round-trips the saved graph without React Flow keys', () => {
    const store = createCanvasStore({ graph });
    store.getState().select('rule');
    expect(toDraft(store.getState().nodes, store.getState().edges)).toEqual(graph);
  });

  it('adds a block with its default settings and selects it', () => {
    const store = createCanvasStore({ graph });
    const id = store.getState().addNode('api', { x: 10, y: 20 });
    const node = store.getState().nodes.find((n) => n.id === id)!;
    expect(node).toMatchObject({ type: 'api', position: { x: 10, y: 20 }, data: { presetId: '', actionId: '', credentialId: '' } });
    expect(store.getState().selectedNodeId).toBe(id);
  });

  it('connects only what the graph language allows', () => {
    const store = createCanvasStore({ graph });
    store.getState().onConnect({ source: 'rule', sourceHandle: 'true', target: 'end', targetHandle: 'in' });
    store.getState().onConnect({ source: 'rule', sourceHandle: 'true', target: 'end', targetHandle: 'in' });
    store.getState().onConnect({ source: 'end', sourceHandle: null, target: 'rule', targetHandle: 'in' });
    store.getState().onConnect({ source: 'rule', sourceHandle: 'false', target: 'begin', targetHandle: null });
    expect(store.getState().edges.map((e) => `${e.source}:${e.sourceHandle}->${e.target}`)).toEqual(['begin:null->rule', 'rule:true->end']);
  });

  it('undoes and redoes edits, but not selection', async () => {
    const store = createCanvasStore({ graph });
    store.getState().updateNodeData('rule', { match: 'any', clauses: [] });
    await nextBurst();
    store.getState().select('rule');
    store.temporal.getState().undo();
    expect(store.getState().nodes.find((n) => n.id === 'rule')!.data).toEqual({ match: 'all', clauses: [] });
    store.temporal.getState().redo();
    expect(store.getState().nodes.find((n) => n.id === 'rule')!.data).toEqual({ match: 'any', clauses: [] });
  });

  it('makes a burst of moves one undo step', async () => {
    const store = createCanvasStore({ graph });
    for (let x = 1; x <= 5; x++) store.getState().onNodesChange([{ type: 'position', id: 'end', position: { x, y: 300 } }]);
    await nextBurst();
    store.temporal.getState().undo();
    expect(store.getState().nodes.find((n) => n.id === 'end')!.position).toEqual({ x: 0, y: 300 });
  });

  it('pastes copies with new ids and their inner connections, never a second Begin', () => {
    const store = createCanvasStore({ graph });
    store.getState().onNodesChange(['begin', 'rule'].map((id) => ({ type: 'select', id, selected: true })));
    store.getState().copySelection();
    store.getState().paste();
    const { nodes, edges } = store.getState();
    expect(nodes.filter((n) => n.type === 'begin')).toHaveLength(1);
    const pasted = nodes.filter((n) => n.selected);
    expect(pasted).toHaveLength(1);
    expect(pasted[0]).toMatchObject({ type: 'rule', position: { x: 40, y: 190 } });
    expect(pasted[0]!.id).not.toBe('rule');
    expect(edges).toHaveLength(1);
  });

  it('deletes the selected blocks with their connections', () => {
    const store = createCanvasStore({ graph });
    store.getState().select('rule');
    store.getState().deleteSelection();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['begin', 'end']);
    expect(store.getState().edges).toEqual([]);
  });

  it('changes nothing but selection on a read-only canvas', () => {
    const store = createCanvasStore({ graph, readOnly: true });
    store.getState().onNodesChange([{ type: 'remove', id: 'rule' }, { type: 'select', id: 'rule', selected: true }]);
    store.getState().updateNodeData('rule', { match: 'any', clauses: [] });
    store.getState().onConnect({ source: 'rule', sourceHandle: 'true', target: 'end', targetHandle: 'in' });
    expect(toDraft(store.getState().nodes, store.getState().edges)).toEqual(graph);
    expect(store.getState().selectedNodeId).toBe('rule');
  });
});
