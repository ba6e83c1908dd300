/**
 * `npm run bench -- engine`: compiles a generated 300-node workflow graph many times and reports
 * the median and p95 time of one `compile()` (goal: p95 well under 20 ms, so the canvas can
 * re-check on every edit). Writes bench-results/engine-compile.{json,md} at the repository root.
 */
import { CATALOG } from '@rolecall/presets/catalog';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compile, type CompileContext, type GraphDraft } from '../src/graph';

const NODES = 300;
const WARMUP = 30;
const RUNS = Number(process.env.BENCH_ENGINE_RUNS ?? 500);
const GOAL_MS = 20;
const OUT_DIR = resolve(__dirname, '..', '..', 'bench-results');
const APP = '3f0c6a52-8d1e-4b7a-9c2d-5e6f7a8b9c01';

const ctx: CompileContext = {
  catalog: CATALOG,
  apps: [{ id: APP, name: 'Litmos', presetId: 'litmos' }],
  credentials: [{ id: 'cred', name: 'Litmos key', presetId: 'litmos', authKind: 'api-key' }],
  customFields: [{ key: 'costCenter', label: 'Cost center', type: 'string' }],
};

/**
 * Begin, then (NODES − 3) / 3 stages of Role Retrieval → Rule on the retrieved role → API, each
 * stage's side outcomes to one of two Ends: every block type, long paths, retrieval scoping.
 */
function generateGraph(): GraphDraft {
  const nodes: GraphDraft['nodes'] = [];
  const edges: GraphDraft['edges'] = [];
  const add = (id: string, type: string, data: unknown) => nodes.push({ id, type, position: { x: 0, y: nodes.length * 120 }, data });
  const link = (source: string, sourceHandle: string, target: string) => edges.push({ id: `${source}-${sourceHandle}`, source, sourceHandle, target });
  add('begin', 'begin', {
    trigger: { kind: 'schedule', schedule: { kind: 'cron', cron: '0 3 * * *' }, timeZone: 'Europe/Berlin', catchupWindow: '1h' },
    population: { appId: APP, rule: { match: 'any', clauses: [{ field: 'saasUser.lastLoginAt', op: 'olderThanDays', value: 365 }, { field: 'saasUser.lastLoginAt', op: 'empty' }] } },
  });
  const stages = (NODES - 3) / 3;
  let previous: [string, string] = ['begin', 'next'];
  for (let i = 0; i < stages; i++) {
    const [role, rule, api] = [`role${i}`, `rule${i}`, `api${i}`];
    add(role, 'roleRetrieval', { presetId: 'litmos', actionId: 'userRole', credentialId: 'cred', deactivateIfNotFound: true });
    add(rule, 'rule', {
      match: 'all',
      clauses: [
        { field: 'retrieval.role', op: 'in', value: ['Administrator', 'Team Leader'] },
        { field: 'saasUser.custom.costCenter', op: 'startsWith', value: 'EU-' },
      ],
    });
    add(api, 'api', { presetId: 'litmos', actionId: 'deactivateUser', credentialId: 'cred', cap: { maxUsers: 25, maxPercent: 10 } });
    link(previous[0], previous[1], role);
    link(role, 'found', rule);
    link(role, 'notFound', 'end');
    link(role, 'error', 'failed');
    link(rule, 'true', api);
    link(rule, 'false', 'end');
    link(api, 'error', 'failed');
    previous = [api, 'success'];
  }
  add('end', 'end', {});
  add('failed', 'end', {});
  link(previous[0], previous[1], 'end');
  return { nodes, edges };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function main(): void {
  const graph = generateGraph();
  const first = compile(graph, ctx);
  if (!first.ok) throw new Error(`the generated graph does not compile: ${JSON.stringify(first.errors.slice(0, 3))}`);
  for (let i = 0; i < WARMUP; i++) compile(graph, ctx);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    compile(graph, ctx);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Number(ms.toFixed(3));
  const result = {
    bench: 'engine-compile',
    date: new Date().toISOString(),
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    runs: RUNS,
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(times[times.length - 1] as number),
    goalP95Ms: GOAL_MS,
    cpus: cpus().length,
    node: process.version,
  };
  process.stdout.write(`compile(${result.nodes} nodes, ${result.edges} edges) × ${RUNS}: median ${result.medianMs} ms, p95 ${result.p95Ms} ms (goal < ${GOAL_MS} ms)\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'engine-compile.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(
    join(OUT_DIR, 'engine-compile.md'),
    [
      `# Bench: engine compile (${result.date}, ${result.cpus} CPUs, Node ${result.node})`,
      '',
      `\`compile()\` of a generated graph with ${result.nodes} nodes and ${result.edges} edges (every block type, retrieval-scoped rules), ${RUNS} runs after ${WARMUP} warm-up runs.`,
      '',
      '| figure | value | goal |',
      '|---|---|---|',
      `| median | ${result.medianMs} ms | |`,
      `| p95 | ${result.p95Ms} ms | < ${GOAL_MS} ms |`,
      `| max | ${result.maxMs} ms | |`,
      '',
    ].join('\n'),
  );
  if (result.p95Ms >= GOAL_MS) process.exitCode = 1;
}

main();
