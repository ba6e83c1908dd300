import { describe, expect, it } from 'vitest';
import { defaults } from './blocks/block-defaults';
import { BLOCKS } from './blocks/block-registry';
import { BlockTypeSchema } from './blocks/block-type.schema';
import { DEFAULT_CAP } from './blocks/cap.schema';
import { GraphDraftSchema, GraphSchema, NodeSchema } from './graph.schema';

describe('graph schema', () => {
  it('has a node schema and a registry entry for every block type', () => {
    expect(NodeSchema.options.map((o) => o.shape.type.value)).toEqual(BlockTypeSchema.options);
    for (const type of BlockTypeSchema.options) expect(BLOCKS[type].type).toBe(type);
  });

  it('accepts a node of each type with its data', () => {
    const data = { begin: { ...defaults('begin'), population: { appId: '3f0c6a52-8d1e-4b7a-9c2d-5e6f7a8b9c01', rule: { match: 'all', clauses: [] } } }, end: {} };
    for (const [type, d] of Object.entries(data)) expect(NodeSchema.safeParse({ id: type, type, position: { x: 1, y: 2 }, data: d }).success, type).toBe(true);
    expect(NodeSchema.safeParse({ id: 'x', type: 'api', position: { x: 0, y: 0 }, data: defaults('api') }).success).toBe(false);
  });

  it('gives each block its handles', () => {
    expect(Object.fromEntries(BlockTypeSchema.options.map((t) => [t, BLOCKS[t].outputs]))).toEqual({
      begin: ['next'],
      rule: ['true', 'false'],
      roleRetrieval: ['found', 'notFound', 'error'],
      api: ['success', 'error'],
      end: [],
    });
  });

  it('defaults an API cap to 25 users or 10 % and a Role Retrieval to deactivate when not found', () => {
    expect(defaults('api').cap).toEqual(DEFAULT_CAP);
    expect(DEFAULT_CAP).toEqual({ maxUsers: 25, maxPercent: 10 });
    expect(defaults('roleRetrieval').deactivateIfNotFound).toBe(true);
    expect(defaults('api')).not.toBe(defaults('api'));
  });

  it('keeps a half-built draft but refuses it as a graph', () => {
    const draft = {
      nodes: [{ id: 'n1', type: 'rule', position: { x: 0, y: 0 }, data: { match: 'all' }, selected: true, width: 200 }],
      edges: [{ id: 'e1', source: 'n1', sourceHandle: null, target: 'n2', animated: true }],
    };
    expect(GraphDraftSchema.parse(draft)).toEqual({
      nodes: [{ id: 'n1', type: 'rule', position: { x: 0, y: 0 }, data: { match: 'all' } }],
      edges: [{ id: 'e1', source: 'n1', sourceHandle: null, target: 'n2' }],
    });
    expect(GraphSchema.safeParse(draft).success).toBe(false);
  });
});
