// `npm run bench -- engine` (with the compile bench): the workflow engine's figures of issue #9,
// written to bench-results/engine.{json,md}:
//  a. role audit of 100k Litmos users: vendor requests vs ceil(N / page size) + 1;
//  b. "deactivate Litmos users inactive > 365 days" on 2000 users at the real 100 requests/min:
//     requests (goal: list pages + one per target), throttled responses (goal 0), wall vs the
//     rate-limit floor (goal ≤ 1.1×), right users done / wrong users touched;
//  c. the same with the worker SIGKILLed once midway;
//  d. wall time of the compiled graph vs a hand-written Temporal workflow making the same calls,
//     in the same run (goal ≤ 1.3×).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createPresetClient, type VendorUser } from '@rolecall/presets';
import { startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunView } from '../src/runs/runs.schema';
import type { HandwrittenActivities } from '../../workflows/bench/handwritten-deactivation.workflow';
import { launched, loadApp, roleAuditGraph, staleActive, staleLitmosGraph, waitForWorkflowRun } from '../test/support/engine-fixtures';
import { startTestApp, type TestApp } from '../test/support/rolecall-app';
import { requiredTestEnv } from '../test/support/test-env';
import { workerProcesses } from '../test/support/worker-process';

const resultsDir = fileURLToPath(new URL('../../bench-results/', import.meta.url));
const UNLIMITED = { requests: 1_000_000, perMs: 1_000 };
const LITMOS_LIMIT = { requests: 100, perMs: 60_000 };
const PUT = 'PUT /v1.svc/users/:id';
const LIST = 'GET /v1.svc/users/details';

const taskQueue = `bench-${randomUUID()}`;
const masterKey = randomBytes(32).toString('base64');
let t: TestApp;
const sims: SimulatorHandle[] = [];
type Figures = Record<string, number | string | boolean>;
const results: Record<string, Figures> = {};

const workers = workerProcesses(() => ({ databaseUrl: t.db.url, taskQueue, masterKey }));

beforeAll(async () => {
  t = await startTestApp({ TEMPORAL_TASK_QUEUE: taskQueue, ROLECALL_MASTER_KEY: masterKey, ROLECALL_EMBEDDED_WORKER: 'false' });
  workers.start();
});

afterAll(async () => {
  workers.killAll();
  await Promise.all(sims.map((s) => s.close()));
  await t?.close();
});

async function sim(users: number, seed: number, options: Parameters<typeof startLitmosSimulator>[0] = {}): Promise<SimulatorHandle> {
  const handle = await startLitmosSimulator({ users, seed, ...options });
  sims.push(handle);
  return handle;
}

/** The simulator's users read from its state, not over HTTP: a listing would spend the account's budget behind the pacer's back. */
function vendorUsers(s: SimulatorHandle): VendorUser[] {
  const all: VendorUser[] = [];
  for (let i = 0; i < s.state.size; i++) all.push(s.state.get(s.state.idAt(i)!)!);
  return all;
}

async function timedRun(workflowId: string, onStarted?: (runId: string) => Promise<void>): Promise<{ run: RunView; seconds: number }> {
  const started = Date.now();
  const res = await t.api('POST', `/api/workflows/${workflowId}/runs`, { mode: 'live' });
  if (onStarted) await onStarted(res.body.id);
  const run = (await waitForWorkflowRun(t, res.body.id, undefined, 3_600_000)) as RunView;
  return { run, seconds: (Date.now() - started) / 1000 };
}

it('a. role audit of 100k Litmos users takes one listing', async () => {
  const users = 100_000;
  const litmos = await sim(users, 71, { rateLimit: false });
  const { appId, credentialId } = await loadApp(t, 'litmos', litmos, 'Litmos 100k', UNLIMITED);
  litmos.counters.reset();
  const { id } = await launched(t, 'Role audit 100k', roleAuditGraph(appId, credentialId));
  const { run, seconds } = await timedRun(id);
  expect(run.status).toBe('completed');
  const requests = litmos.counters.snapshot().total;
  results.a = { users, requests, goal: Math.ceil(users / 1000) + 1, perUserGets: litmos.counters.calls('GET /v1.svc/users/:id'), found: run.nodes.role?.found ?? 0, seconds: Number(seconds.toFixed(1)) };
}, 3_600_000);

async function staleDeactivation(label: 'b' | 'c', seed: number, kill: boolean): Promise<void> {
  const litmos = await sim(2_000, seed);
  const { appId, credentialId } = await loadApp(t, 'litmos', litmos, `Litmos stale ${label}`, null);
  const targets = staleActive(vendorUsers(litmos));
  litmos.counters.reset();
  const { id } = await launched(t, `Stale Litmos ${label}`, staleLitmosGraph(appId, credentialId));
  const { run, seconds } = await timedRun(id, async () => {
    if (!kill) return;
    while (litmos.counters.calls(PUT) < targets.size / 2) await new Promise((r) => setTimeout(r, 50));
    for (const w of workers.alive()) w.kill('SIGKILL');
    workers.start();
  });
  const puts = litmos.counters.successfulUserCalls(PUT);
  const snapshot = litmos.counters.snapshot();
  // Litmos' window is rolling: request i cannot start before floor(i / 100) minutes.
  const floor = (Math.floor((snapshot.total - 1) / LITMOS_LIMIT.requests) * LITMOS_LIMIT.perMs) / 1000;
  results[label] = {
    users: 2_000,
    targets: targets.size,
    status: run.status,
    requests: snapshot.total,
    listPages: litmos.counters.calls(LIST),
    puts: litmos.counters.calls(PUT),
    throttledPuts: litmos.counters.calls(PUT) - [...puts.values()].reduce((a, n) => a + n, 0),
    goalRequests: litmos.counters.calls(LIST) + targets.size,
    throttled: snapshot.throttled,
    seconds: Number(seconds.toFixed(1)),
    floorSeconds: Number(floor.toFixed(1)),
    wallVsFloor: Number((seconds / floor).toFixed(3)),
    rightUsersDone: [...targets].filter((u) => puts.get(u) === 1).length,
    wrongUsersTouched: [...puts.keys()].filter((u) => !targets.has(u)).length + [...puts.values()].filter((n) => n > 1).length,
    workerKilled: kill,
  };
}

it('b. deactivates stale Litmos users at the real 100 requests/min', () => staleDeactivation('b', 72, false), 3_600_000);
it('c. the same with the worker SIGKILLed once midway', () => staleDeactivation('c', 73, true), 3_600_000);

it('d. compiled graph vs a hand-written workflow making the same calls', async () => {
  // Vendor latency as a SaaS API has it (40 ms is on the fast side), limits off: the engine's own overhead shows.
  const latencyMs = 40;
  const engineSim = await sim(3_000, 74, { rateLimit: false, faults: { latencyMs } });
  const handSim = await sim(3_000, 74, { rateLimit: false, faults: { latencyMs } });
  const { appId, credentialId } = await loadApp(t, 'litmos', engineSim, 'Litmos compiled', UNLIMITED);
  const targets = staleActive(vendorUsers(handSim));
  const { id } = await launched(t, 'Stale Litmos compiled', staleLitmosGraph(appId, credentialId));

  const handQueue = `bench-hand-${randomUUID()}`;
  const client = createPresetClient({ presetId: 'litmos', baseUrl: handSim.url, credentials: handSim.credentials, allowedHosts: ['127.0.0.1'], rateLimitOverride: false });
  let known = new Map<string, VendorUser>();
  const activities: HandwrittenActivities = {
    async listStaleTargets() {
      const users: VendorUser[] = [];
      for await (const page of client.listUsers()) users.push(...page.users);
      known = new Map(users.map((u) => [String(u.Id), u]));
      return [...staleActive(users)];
    },
    async deactivateTargets(ids) {
      for (const uid of ids) await client.deactivateUser!(uid, known.get(uid));
      return ids.length;
    },
  };
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: requiredTestEnv('TEMPORAL_ADDRESS') }),
    taskQueue: handQueue,
    workflowsPath: fileURLToPath(new URL('../../workflows/bench/handwritten-deactivation.workflow.ts', import.meta.url)),
    activities,
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: requiredTestEnv('TEMPORAL_ADDRESS') });
  try {
    const temporal = new Client({ connection });
    engineSim.counters.reset();
    const compiled = await timedRun(id);
    const started = Date.now();
    const done = await temporal.workflow.execute('handwrittenDeactivation', { taskQueue: handQueue, workflowId: `bench-hand-${randomUUID()}` });
    const handSeconds = (Date.now() - started) / 1000;
    expect(done).toBe(targets.size);
    expect(compiled.run.nodes.deactivate?.success).toBe(targets.size);
    results.d = {
      targets: targets.size,
      vendorLatencyMs: latencyMs,
      compiledSeconds: Number(compiled.seconds.toFixed(2)),
      handwrittenSeconds: Number(handSeconds.toFixed(2)),
      ratio: Number((compiled.seconds / handSeconds).toFixed(3)),
      compiledRequests: engineSim.counters.snapshot().total,
      handwrittenRequests: handSim.counters.snapshot().total,
    };
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
  }
}, 3_600_000);

it('writes bench-results/engine.{json,md}', () => {
  const at = new Date().toISOString();
  const env = `${cpus().length} CPUs, Node ${process.version}`;
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}engine.json`, `${JSON.stringify({ at, env, ...results }, null, 2)}\n`);
  const { a = {}, b = {}, c = {}, d = {} } = results;
  const row = (label: string, r: Figures) =>
    `| ${label} | ${r.targets} | ${r.requests} (${r.listPages} list + ${r.puts} PUT; goal ${r.goalRequests}) | ${r.throttled} | ${r.seconds} s / ${r.floorSeconds} s = ${r.wallVsFloor}× | ${r.rightUsersDone} / ${r.wrongUsersTouched} |`;
  const md = [
    `# Bench: workflow engine (${at}, ${env})`,
    '',
    `**a. Role audit of ${a.users} Litmos users** (limits off): ${a.requests} vendor requests vs ceil(N/1000)+1 = ${a.goal} (Litmos pages overlap by 10 users, so a listing may take one page more), ${a.perUserGets} per-user GETs, ${a.found} roles read, ${a.seconds} s.`,
    '',
    '**b/c. Deactivate Litmos users inactive > 365 days**, 2000 users, real limit 100 requests/min (simulator enforcing it):',
    '',
    '| run | targets | vendor requests | throttled (goal 0) | wall / rate-limit floor (goal ≤ 1.1×) | right users done / wrong users touched |',
    '|---|---|---|---|---|---|',
    row('b. no failure', b),
    row('c. worker SIGKILLed midway', c),
    '',
    `The floor is floor((requests − 1) / 100) minutes (a rolling window of 100 requests/min). PUTs include throttled attempts, if any. Run c includes the ~10 s heartbeat timeout after the kill.`,
    '',
    `**d. Compiled graph vs hand-written Temporal workflow** (same run, same ${d.targets} targets, ${d.vendorLatencyMs} ms vendor latency, limits off): ${d.compiledSeconds} s vs ${d.handwrittenSeconds} s = **${d.ratio}×** (goal ≤ 1.3×); requests ${d.compiledRequests} vs ${d.handwrittenRequests}.`,
    '',
  ].join('\n');
  writeFileSync(`${resultsDir}engine.md`, md);
  console.log(md);
});
