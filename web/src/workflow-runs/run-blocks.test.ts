import { CATALOG } from '@rolecall/presets/catalog';
import { WORKFLOW_TEMPLATES } from '@rolecall/workflows/graph';
import { describe, expect, it } from 'vitest';
import { blockNames, heldBlocks, outcomeLabel } from './run-blocks';

const template = WORKFLOW_TEMPLATES.find((t) => t.id === 'deactivate-inactive-litmos-users')!;
const graph = template.graph({ credentialId: 'cred-1', appId: 'app-1' });

describe('run blocks', () => {
  it('names blocks by type, numbering a type that occurs twice', () => {
    const twoRules = { ...graph, nodes: [...graph.nodes, { id: 'other', type: 'rule', position: { x: 0, y: 0 }, data: {} }] };
    expect(blockNames(graph).get('deactivate')).toBe('API');
    expect(blockNames(twoRules).get('stale')).toBe('Rule 1');
    expect(blockNames(twoRules).get('other')).toBe('Rule 2');
    expect(blockNames(null).size).toBe(0);
  });

  it("words outcomes by the block's handles, then by the record's state", () => {
    expect(outcomeLabel(graph, 'stale', 'true')).toBe('true');
    expect(outcomeLabel(graph, 'deactivate', 'held')).toBe('held');
    expect(outcomeLabel(graph, 'deactivate', 'claimed')).toBe('in progress');
    expect(outcomeLabel(graph, 'missing', 'odd')).toBe('odd');
  });

  it('finds who a dry run would hit, with what the action does', () => {
    const run = { mode: 'dryRun' as const, awaitingApproval: [], progress: { total: 40, done: 3 }, nodes: { stale: { true: 37, false: 3 }, deactivate: { held: 37 } } };
    // The template's default cap: 25 users or 10 %, so 4 of these 40.
    expect(heldBlocks(run, graph, CATALOG)).toEqual([{ nodeId: 'deactivate', name: 'API', held: 37, doneWord: 'deactivated', action: 'Litmos Deactivate User', capLimit: 4 }]);
  });

  it('takes the blocks a live run waits at, even before anything is held there', () => {
    const run = { mode: 'live' as const, awaitingApproval: ['deactivate'], progress: { total: null, done: 0 }, nodes: { stale: { true: 2 } } };
    expect(heldBlocks(run, graph, undefined)).toEqual([{ nodeId: 'deactivate', name: 'API', held: 0, doneWord: 'affected', action: 'deactivate', capLimit: null }]);
  });
});
