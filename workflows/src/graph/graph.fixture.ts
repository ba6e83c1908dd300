import { CATALOG } from '@rolecall/presets/catalog';
import type { CompileContext } from './compile/compile-context.schema';
import type { DraftNode, Edge, GraphDraft } from './graph.schema';

/** Test context: the real preset catalog plus a Litmos and a Lever app with credentials. */
export const LITMOS_APP = '3f0c6a52-8d1e-4b7a-9c2d-5e6f7a8b9c01';
export const LEVER_APP = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c04';

export const ctx: CompileContext = {
  catalog: CATALOG,
  apps: [
    { id: LITMOS_APP, name: 'Litmos', presetId: 'litmos' },
    { id: LEVER_APP, name: 'Lever', presetId: 'lever' },
  ],
  credentials: [
    { id: 'cred-litmos', name: 'Litmos API key', presetId: 'litmos', authKind: 'api-key' },
    { id: 'cred-lever', name: 'Lever API key', presetId: 'lever', authKind: 'api-key' },
  ],
  customFields: [
    { key: 'costCenter', label: 'Cost center', type: 'string' },
    { key: 'seats', label: 'Seats', type: 'number', appId: LITMOS_APP },
    { key: 'contractEnd', label: 'Contract end', type: 'datetime', appId: LEVER_APP },
  ],
};

export function node(id: string, type: string, data: unknown): DraftNode {
  return { id, type, position: { x: 0, y: 0 }, data };
}

export function edge(source: string, sourceHandle: string | null, target: string): Edge {
  return { id: `${source}.${sourceHandle ?? ''}->${target}`, source, sourceHandle, target };
}

export const litmosBegin = (rule = { match: 'all', clauses: [] as unknown[] }) =>
  node('begin', 'begin', {
    trigger: { kind: 'schedule', schedule: { kind: 'interval', every: '1d' }, timeZone: 'Europe/Berlin', catchupWindow: '1h' },
    population: { appId: LITMOS_APP, rule },
  });

export const litmosDeactivate = (data: Record<string, unknown> = {}) =>
  node('deactivate', 'api', { presetId: 'litmos', actionId: 'deactivateUser', credentialId: 'cred-litmos', cap: { maxUsers: 25, maxPercent: 10 }, ...data });

export const litmosRetrieval = (data: Record<string, unknown> = {}) =>
  node('role', 'roleRetrieval', { presetId: 'litmos', actionId: 'userRole', credentialId: 'cred-litmos', ...data });

/**
 * A valid graph to break in tests: Begin → Rule (not logged in for a year) → Litmos Deactivate
 * User → End, with every other output to the same End.
 */
export function baseGraph(): GraphDraft {
  return {
    nodes: [
      litmosBegin(),
      node('stale', 'rule', { match: 'any', clauses: [{ field: 'saasUser.lastLoginAt', op: 'olderThanDays', value: 365 }] }),
      litmosDeactivate(),
      node('end', 'end', {}),
    ],
    edges: [
      edge('begin', 'next', 'stale'),
      edge('stale', 'true', 'deactivate'),
      edge('stale', 'false', 'end'),
      edge('deactivate', 'success', 'end'),
      edge('deactivate', 'error', 'end'),
    ],
  };
}

/** The base graph with a Role Retrieval between Begin and the Rule; found and notFound lead to the Rule. */
export function retrievalGraph(): GraphDraft {
  const graph = baseGraph();
  graph.nodes.push(litmosRetrieval());
  graph.edges = [
    ...graph.edges.filter((e) => e.source !== 'begin'),
    edge('begin', 'next', 'role'),
    edge('role', 'found', 'stale'),
    edge('role', 'notFound', 'stale'),
    edge('role', 'error', 'end'),
  ];
  return graph;
}
