import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from './compile/compile';
import { CompileErrorCode } from './compile/compile-error.schema';
import { ctx } from './graph.fixture';
import { OPERATORS_BY_TYPE } from './rules/operator.schema';

const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'blocks.md'), 'utf8');

/** The `<!-- example: name -->` JSON blocks of docs/blocks.md, by name. */
const examples = Object.fromEntries(
  [...doc.matchAll(/<!-- example: ([a-z-]+) -->\s*```json\n([\s\S]*?)```/g)].map((m) => [m[1] as string, JSON.parse(m[2] as string)]),
);

function irOf(graph: unknown) {
  const result = compile(graph, ctx);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.ir;
}

describe('docs/blocks.md', () => {
  it('has the three seed examples', () => {
    expect(Object.keys(examples)).toEqual(['litmos-role-audit', 'litmos-deactivate-stale', 'lever-delete-on-offboarding']);
  });

  it('compiles the scheduled Litmos role audit: no population rules, every retrieval outcome to End', () => {
    const ir = irOf(examples['litmos-role-audit']);
    expect(ir.trigger).toMatchObject({ kind: 'schedule', schedule: { every: '1d' } });
    expect(ir.population).toMatchObject({ presetId: 'litmos', rule: { clauses: [] } });
    expect(ir.nodes.role).toMatchObject({ config: { deactivateIfNotFound: true }, next: { found: 'end', notFound: 'end', error: 'end' } });
    expect(ir.destructive).toEqual([]);
  });

  it('compiles the stale-user deactivation with its cap as destructive', () => {
    const ir = irOf(examples['litmos-deactivate-stale']);
    expect(ir.population.rule.match).toBe('any');
    expect(ir.destructive).toEqual([{ nodeId: 'deactivate', presetId: 'litmos', actionId: 'deactivateUser', cap: { maxUsers: 25, maxPercent: 10 } }]);
  });

  it('compiles the event-triggered Lever delete, for offboarded people and for deactivated SaaS users', () => {
    const graph = examples['lever-delete-on-offboarding'];
    expect(irOf(graph)).toMatchObject({ trigger: { kind: 'event', event: 'person.offboarded' }, population: { presetId: 'lever' } });
    const onDeactivation = structuredClone(graph);
    onDeactivation.nodes[0].data.trigger.event = 'saasUser.deactivated';
    expect(irOf(onDeactivation).trigger).toEqual({ kind: 'event', event: 'saasUser.deactivated' });
  });

  it('lists every compile error code', () => {
    for (const code of Object.values(CompileErrorCode)) expect(doc, code).toContain(`\`${code}\``);
  });

  it('lists the operators of each field type as the compiler enforces them', () => {
    for (const [type, ops] of Object.entries(OPERATORS_BY_TYPE)) expect(doc).toContain(`| ${type} | ${ops.join(', ')} |`);
  });
});
