import { describe, expect, it } from 'vitest';
import { baseGraph, ctx, edge, LEVER_APP, litmosBegin, litmosDeactivate, node, retrievalGraph } from '../graph.fixture';
import type { GraphDraft } from '../graph.schema';
import { compile } from './compile';
import type { CompileContext } from './compile-context.schema';
import { CompileErrorCode } from './compile-error.schema';
import type { CompileError } from './compile-error.schema';

function errorsOf(graph: unknown, context: CompileContext = ctx): CompileError[] {
  const result = compile(graph, context);
  return result.ok ? [] : result.errors;
}

/** A graph (the base one by default) with some nodes replaced (by id) or added, and edges changed. */
function variant(
  change: { nodes?: GraphDraft['nodes']; drop?: string[]; edges?: GraphDraft['edges']; dropEdges?: string[] },
  base: GraphDraft = baseGraph(),
): GraphDraft {
  const replaced = new Set((change.nodes ?? []).map((n) => n.id));
  return {
    nodes: [...base.nodes.filter((n) => !replaced.has(n.id) && !change.drop?.includes(n.id)), ...(change.nodes ?? [])],
    edges: [...base.edges.filter((e) => !change.dropEdges?.includes(e.id)), ...(change.edges ?? [])],
  };
}

const staleRule = (clause: Record<string, unknown>) => node('stale', 'rule', { match: 'all', clauses: [clause] });

/** Litmos "Deactivate User" limited to an auth kind the fixture credential is not. */
const restrictedCatalog: CompileContext = {
  ...ctx,
  catalog: {
    presets: ctx.catalog.presets.map((p) =>
      p.id === 'litmos' ? { ...p, actions: p.actions.map((a) => (a.id === 'deactivateUser' ? { ...a, authKinds: ['oauth'] } : a)) } : p,
    ),
  },
};

const cases: Record<CompileErrorCode, { graph: unknown; context?: CompileContext; nodeId?: string }> = {
  INVALID_GRAPH: { graph: { nodes: 'begin', edges: [] } },
  DUPLICATE_ID: { graph: variant({ nodes: [node('end', 'end', {}), node('end', 'end', {})] }), nodeId: 'end' },
  NO_BEGIN: { graph: variant({ drop: ['begin'], dropEdges: ['begin.next->stale'] }) },
  MULTIPLE_BEGIN: { graph: variant({ nodes: [{ ...litmosBegin(), id: 'begin2' }], edges: [edge('begin2', 'next', 'end')] }), nodeId: 'begin2' },
  NO_END: { graph: variant({ drop: ['end'] }) },
  UNKNOWN_NODE_TYPE: { graph: variant({ nodes: [node('approve', 'approval', {})] }), nodeId: 'approve' },
  UNKNOWN_HANDLE: { graph: variant({ edges: [edge('stale', 'maybe', 'end')] }), nodeId: 'stale' },
  DANGLING_EDGE: { graph: variant({ edges: [edge('stale', 'true', 'ghost')] }), nodeId: 'stale' },
  DUPLICATE_EDGE: { graph: variant({ edges: [{ ...edge('stale', 'true', 'end'), id: 'again' }] }), nodeId: 'stale' },
  EDGE_INTO_BEGIN: { graph: variant({ dropEdges: ['stale.false->end'], edges: [edge('stale', 'false', 'begin')] }), nodeId: 'stale' },
  EDGE_FROM_END: { graph: variant({ edges: [edge('end', null, 'stale')] }), nodeId: 'end' },
  UNCONNECTED_HANDLE: { graph: variant({ dropEdges: ['deactivate.error->end'] }), nodeId: 'deactivate' },
  PATH_NOT_ENDING: { graph: variant({ dropEdges: ['deactivate.error->end', 'deactivate.success->end'] }), nodeId: 'deactivate' },
  CYCLE: {
    graph: variant({
      nodes: [node('again', 'rule', { match: 'all', clauses: [{ field: 'saasUser.role', op: 'eq', value: 'admin' }] })],
      dropEdges: ['stale.false->end'],
      edges: [edge('stale', 'false', 'again'), edge('again', 'true', 'stale'), edge('again', 'false', 'end')],
    }),
    nodeId: 'again',
  },
  UNREACHABLE_NODE: { graph: variant({ nodes: [node('orphan', 'end', {})] }), nodeId: 'orphan' },
  INVALID_DATA: {
    graph: variant({ nodes: [node('begin', 'begin', { ...(litmosBegin().data as object), trigger: { kind: 'schedule', schedule: { kind: 'interval', every: '1d' }, timeZone: 'Mars/Olympus' } })] }),
    nodeId: 'begin',
  },
  UNKNOWN_PRESET: { graph: variant({ nodes: [litmosDeactivate({ presetId: 'workday' })] }), nodeId: 'deactivate' },
  UNKNOWN_ACTION: { graph: variant({ nodes: [litmosDeactivate({ actionId: 'archiveUser' })] }), nodeId: 'deactivate' },
  ACTION_KIND_MISMATCH: { graph: variant({ nodes: [litmosDeactivate({ actionId: 'userRole' })] }), nodeId: 'deactivate' },
  UNKNOWN_CREDENTIAL: { graph: variant({ nodes: [litmosDeactivate({ credentialId: 'cred-deleted' })] }), nodeId: 'deactivate' },
  CREDENTIAL_PRESET_MISMATCH: { graph: variant({ nodes: [litmosDeactivate({ credentialId: 'cred-lever' })] }), nodeId: 'deactivate' },
  CREDENTIAL_AUTH_UNSUPPORTED: { graph: baseGraph(), context: restrictedCatalog, nodeId: 'deactivate' },
  UNKNOWN_APP: {
    graph: variant({ nodes: [node('begin', 'begin', { trigger: { kind: 'manual' }, population: { appId: '0b4f0d8e-1c2a-4e3b-9f5d-6a7b8c9d0e1f', rule: { match: 'all', clauses: [] } } })] }),
    nodeId: 'begin',
  },
  PRESET_MISMATCH: {
    graph: variant({ nodes: [node('begin', 'begin', { trigger: { kind: 'manual' }, population: { appId: LEVER_APP, rule: { match: 'all', clauses: [] } } })] }),
    nodeId: 'deactivate',
  },
  UNKNOWN_FIELD: { graph: variant({ nodes: [staleRule({ field: 'saasUser.shoeSize', op: 'eq', value: '42' })] }), nodeId: 'stale' },
  OPERATOR_TYPE_MISMATCH: { graph: variant({ nodes: [staleRule({ field: 'saasUser.lastLoginAt', op: 'contains', value: '2024' })] }), nodeId: 'stale' },
  INVALID_VALUE: { graph: variant({ nodes: [staleRule({ field: 'saasUser.lastLoginAt', op: 'olderThanDays', value: 'a year' })] }), nodeId: 'stale' },
  RETRIEVAL_NOT_UPSTREAM: { graph: variant({ nodes: [staleRule({ field: 'retrieval.role', op: 'eq', value: 'Administrator' })] }), nodeId: 'stale' },
  MISSING_CAP: { graph: variant({ nodes: [litmosDeactivate({ cap: undefined })] }), nodeId: 'deactivate' },
};

describe('compile', () => {
  it('compiles the base graph', () => {
    expect(errorsOf(baseGraph())).toEqual([]);
  });

  it('has a triggering case for every error code', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.values(CompileErrorCode).sort());
  });

  it.each(Object.entries(cases))('reports %s', (code, { graph, context, nodeId }) => {
    const errors = errorsOf(graph, context);
    const hit = errors.find((e) => e.code === code);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    if (nodeId) expect(hit?.nodeId).toBe(nodeId);
    expect(hit?.message).toMatch(/^[A-Z"].{15,}[.]$/);
  });

  it('reports every problem at once, each pinned to its node or edge', () => {
    const graph = variant({
      nodes: [litmosDeactivate({ cap: undefined, credentialId: 'cred-lever' }), staleRule({ field: 'saasUser.nope', op: 'eq', value: 1 })],
      edges: [edge('stale', 'true', 'ghost')],
    });
    const errors = errorsOf(graph);
    expect(errors.map((e) => [e.code, e.nodeId])).toEqual(
      expect.arrayContaining([
        ['DANGLING_EDGE', 'stale'],
        ['UNKNOWN_FIELD', 'stale'],
        ['CREDENTIAL_PRESET_MISMATCH', 'deactivate'],
        ['MISSING_CAP', 'deactivate'],
      ]),
    );
    expect(errors.find((e) => e.code === 'DANGLING_EDGE')?.edgeId).toBe('stale.true->ghost');
  });

  it('explains invalid node data in plain words', () => {
    const graph = variant({ nodes: [litmosDeactivate({ credentialId: undefined, cap: { maxPercent: 150 } })] });
    const message = errorsOf(graph).find((e) => e.code === 'INVALID_DATA')?.message;
    expect(message).toMatch(/^API "deactivate" is not set up correctly: .*credentialId is required/);
    expect(message).toMatch(/cap › maxPercent must be at most 100/);
    const messageOf = (graph: GraphDraft) => errorsOf(graph).find((e) => e.code === 'INVALID_DATA')?.message;
    expect(messageOf(variant({ nodes: [node('stale', 'rule', { match: 'all', clauses: [] })] }))).toBe('Rule "stale" is not set up correctly: conditions must have at least one item.');
    expect(messageOf(variant({ nodes: [staleRule({ field: 'saasUser.role', op: 'like' })] }))).toMatch(/: condition 1 › op must be one of "eq", "neq"/);
    // A message written on the schema wins over the generic wording.
    expect(messageOf(cases.INVALID_DATA.graph as GraphDraft)).toMatch(/trigger › timeZone must be an IANA time zone such as Europe\/Berlin\.$/);
    expect(errorsOf({ nodes: [{ id: 'a' }], edges: [] }).map((e) => e.message)).toEqual([
      'The workflow document is damaged: nodes › item 1 › type is required.',
      'The workflow document is damaged: nodes › item 1 › position is required.',
      'The workflow document is damaged: nodes › item 1 › data is required.',
    ]);
  });

  it('refuses a credential of an auth kind the preset does not offer', () => {
    const odd = { ...ctx, credentials: [{ id: 'cred-litmos', name: 'Old key', presetId: 'litmos', authKind: 'legacyToken' }] };
    expect(errorsOf(baseGraph(), odd).map((e) => e.code)).toEqual(['CREDENTIAL_AUTH_UNSUPPORTED']);
  });

  it('needs no cap for a non-destructive action such as Reactivate User', () => {
    expect(errorsOf(variant({ nodes: [litmosDeactivate({ actionId: 'reactivateUser', cap: undefined })] }))).toEqual([]);
  });

  it('accepts retrieval fields after a Role Retrieval on every path, and only then', () => {
    const retrievalFirst = variant({ nodes: [staleRule({ field: 'retrieval.role', op: 'in', value: ['Administrator', 'Team Leader'] })] }, retrievalGraph());
    expect(errorsOf(retrievalFirst)).toEqual([]);
    // A second way into the rule that skips the retrieval: Begin → gate → (false) → rule.
    const bypass = variant(
      {
        nodes: [node('gate', 'rule', { match: 'all', clauses: [{ field: 'saasUser.status', op: 'eq', value: 'active' }] })],
        dropEdges: ['begin.next->role'],
        edges: [edge('begin', 'next', 'gate'), edge('gate', 'true', 'role'), edge('gate', 'false', 'stale')],
      },
      retrievalFirst,
    );
    expect(errorsOf(bypass).map((e) => [e.code, e.nodeId])).toEqual([['RETRIEVAL_NOT_UPSTREAM', 'stale']]);
  });

  it('refuses retrieval fields in the Begin population', () => {
    const graph = variant({ nodes: [litmosBegin({ match: 'all', clauses: [{ field: 'retrieval.found', op: 'eq', value: true }] })] });
    expect(errorsOf(graph).map((e) => [e.code, e.nodeId])).toEqual([['RETRIEVAL_NOT_UPSTREAM', 'begin']]);
  });

  it("resolves custom fields of the population's app and global ones, never another app's", () => {
    const rule = (field: string, op: string, value: unknown) => variant({ nodes: [staleRule({ field, op, value })] });
    expect(errorsOf(rule('saasUser.custom.seats', 'gt', 10))).toEqual([]);
    expect(errorsOf(rule('saasUser.custom.costCenter', 'startsWith', 'EU-'))).toEqual([]);
    expect(errorsOf(rule('person.custom.costCenter', 'eq', 'EU-1'))).toEqual([]);
    expect(errorsOf(rule('saasUser.custom.contractEnd', 'withinDays', 30)).map((e) => e.code)).toEqual(['UNKNOWN_FIELD']);
    expect(errorsOf(rule('person.custom.seats', 'gt', 1)).map((e) => e.code)).toEqual(['UNKNOWN_FIELD']);
    expect(errorsOf(rule('saasUser.custom.seats', 'gt', '10')).map((e) => e.code)).toEqual(['INVALID_VALUE']);
  });

  it.each([
    ['saasUser.status', 'eq', 'suspended'],
    ['saasUser.status', 'in', []],
    ['saasUser.email', 'empty', 'x'],
    ['saasUser.email', 'eq', undefined],
    ['saasUser.email', 'eq', ['a', 'b']],
    ['saasUser.lastLoginAt', 'gt', 'last tuesday'],
    ['saasUser.lastLoginAt', 'withinDays', 0],
    ['retrieval.found', 'eq', 'yes'],
  ])('refuses %s %s %j as a bad value', (field, op, value) => {
    const graph = variant({ nodes: [staleRule({ field, op, value })] }, retrievalGraph());
    expect(errorsOf(graph).map((e) => e.code)).toEqual(['INVALID_VALUE']);
  });

  it('reads a missing sourceHandle as the only output of a single-output block, and refuses it elsewhere', () => {
    expect(errorsOf(variant({ dropEdges: ['begin.next->stale'], edges: [edge('begin', null, 'stale')] }))).toEqual([]);
    const [error] = errorsOf(variant({ dropEdges: ['stale.false->end'], edges: [edge('stale', null, 'end')] }));
    expect(error?.message).toBe('Rule "stale" has a connection that does not say which output it leaves; its outputs are true, false.');
  });

  it('builds the IR: trigger, population with its preset, nodes with next per outcome, destructive caps', () => {
    const result = compile(baseGraph(), ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { ir } = result;
    expect(ir.irVersion).toBe(1);
    expect(ir.entry).toBe('begin');
    expect(ir.population).toEqual({ appId: ctx.apps[0]?.id, presetId: 'litmos', rule: { match: 'all', clauses: [] } });
    expect(ir.trigger).toEqual({ kind: 'schedule', schedule: { kind: 'interval', every: '1d' }, timeZone: 'Europe/Berlin', catchupWindow: '1h' });
    expect(ir.nodes.stale?.next).toEqual({ true: 'deactivate', false: 'end' });
    expect(ir.nodes.end).toEqual({ type: 'end', config: {}, next: {} });
    expect(ir.destructive).toEqual([{ nodeId: 'deactivate', presetId: 'litmos', actionId: 'deactivateUser', cap: { maxUsers: 25, maxPercent: 10 } }]);
    expect(JSON.parse(JSON.stringify(ir))).toEqual(ir);
  });
});
