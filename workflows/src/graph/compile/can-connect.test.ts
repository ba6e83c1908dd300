import { describe, expect, it } from 'vitest';
import { baseGraph, edge, node } from '../graph.fixture';
import { canConnect, connectionError } from './can-connect';

/** The base graph minus the edges the cases below want to draw. */
function canvas() {
  const graph = baseGraph();
  graph.nodes.push(node('check', 'rule', { match: 'all', clauses: [] }), node('end2', 'end', {}));
  graph.edges = graph.edges.filter((e) => e.id !== 'deactivate.error->end');
  return graph;
}

describe('canConnect', () => {
  it('accepts an open output handle to a block further down', () => {
    expect(canConnect(canvas(), { source: 'deactivate', sourceHandle: 'error', target: 'end2' })).toBe(true);
    expect(canConnect(canvas(), { source: 'check', sourceHandle: 'true', target: 'deactivate' })).toBe(true);
  });

  it.each([
    ['an edge into Begin', { source: 'check', sourceHandle: 'true', target: 'begin' }, 'EDGE_INTO_BEGIN'],
    ['an edge leaving End', { source: 'end', sourceHandle: null, target: 'check' }, 'EDGE_FROM_END'],
    ['a handle the block lacks', { source: 'check', sourceHandle: 'success', target: 'end' }, 'UNKNOWN_HANDLE'],
    ['a second edge from a connected handle', { source: 'stale', sourceHandle: 'true', target: 'end2' }, 'DUPLICATE_EDGE'],
    ['a second edge from the only handle, named implicitly', { source: 'begin', sourceHandle: null, target: 'check' }, 'DUPLICATE_EDGE'],
    ['an edge that closes a cycle', { source: 'deactivate', sourceHandle: 'error', target: 'stale' }, 'CYCLE'],
    ['an edge to itself', { source: 'check', sourceHandle: 'false', target: 'check' }, 'CYCLE'],
    ['an edge to a block that is not there', { source: 'check', sourceHandle: 'false', target: 'ghost' }, 'DANGLING_EDGE'],
  ])('refuses %s', (_name, connection, code) => {
    expect(canConnect(canvas(), connection)).toBe(false);
    expect(connectionError(canvas(), connection)?.code).toBe(code);
  });

  it('refuses blocks of unknown type', () => {
    const graph = canvas();
    graph.nodes.push(node('mystery', 'approval', {}));
    expect(connectionError(graph, { source: 'check', sourceHandle: 'true', target: 'mystery' })?.code).toBe('UNKNOWN_NODE_TYPE');
  });

  it('accepts React Flow state as the canvas holds it (extra keys, no handle on the Begin edge)', () => {
    const graph = { nodes: [{ id: 'b', type: 'begin', selected: true }, { id: 'e', type: 'end' }], edges: [] as { source: string; target: string }[] };
    expect(canConnect(graph, { source: 'b', sourceHandle: null, target: 'e' })).toBe(true);
    graph.edges.push(edge('b', null, 'e'));
    expect(canConnect(graph, { source: 'b', sourceHandle: 'next', target: 'e' })).toBe(false);
  });
});
