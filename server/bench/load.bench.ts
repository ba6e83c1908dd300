// `npm run bench -- load`: the user-load figures of issue #4, written to bench-results/load.{json,md}.
//  1. records/s of a 100k Litmos load with every limit off, beside a raw bulk upsert of the same
//     rows into the same Postgres in the same run (goal: ratio ≥ 0.5);
//  2. wall time of the same load at Litmos's real limit (100 requests/min) vs the limit's floor
//     (goal ≤ 1.1×);
//  3. a re-load of the same 100k unchanged users (the daily case): its wall time beside the first
//     load's, and proof that it rewrote no saas_user or person row (xmin of every row unchanged).
import { createPresetClient, getPreset, mapRecord, type MappedRecord } from '@rolecall/presets';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runLoad, startTestApp, type TestApp } from '../test/support/rolecall-app';

const USERS = 100_000;
const BATCH = 1_000;
const resultsDir = fileURLToPath(new URL('../../bench-results/', import.meta.url));

let t: TestApp;
const sims: ChildProcessWithoutNullStreams[] = [];

interface RemoteSimulator {
  url: string;
  credentials: Record<string, string>;
  counters(): Promise<{ total: number; throttled: number }>;
}

/** Starts the Litmos simulator in its own process (see litmos-simulator.process.ts). */
async function startRemoteLitmos(users: number, seed: number, limit: 'on' | 'off'): Promise<RemoteSimulator> {
  const script = fileURLToPath(new URL('./litmos-simulator.process.ts', import.meta.url));
  const child = spawn('npx', ['tsx', script, String(users), String(seed), limit], { stdio: ['pipe', 'pipe', 'inherit'] });
  sims.push(child);
  const lines: Interface = createInterface({ input: child.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  const nextLine = async () => JSON.parse((await iterator.next()).value as string);
  const { url, credentials } = await nextLine();
  return {
    url,
    credentials,
    counters: async () => {
      child.stdin.write('counters\n');
      return nextLine();
    },
  };
}

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  for (const child of sims) child.kill();
  await t?.close();
});

async function load(name: string, sim: RemoteSimulator, rateLimit: { requests: number; perMs: number } | null) {
  const credential = await t.api('POST', '/api/credentials', { name, presetId: 'litmos', baseUrl: sim.url, fields: sim.credentials });
  const integration = await t.api('POST', '/api/integrations', {
    name,
    presetId: 'litmos',
    credentialId: credential.body.id,
    appName: name,
    syncKeys: [{ field: 'externalId', priority: 1 }],
    rateLimit,
  });
  const started = performance.now();
  const run = await runLoad(t, integration.body.id);
  const seconds = (performance.now() - started) / 1000;
  expect(run).toMatchObject({ status: 'completed', created: USERS });
  const counters = await sim.counters();
  return { seconds, run, requests: counters.total, throttled: counters.throttled, integrationId: integration.body.id as string};
}

/**
 * Loads the integration again over an unchanged listing; counts the saas_user and person rows of
 * its app whose current version a transaction after the first load wrote (xmin), which must be none.
 */
async function reload(integrationId: string) {
  const db = t.app.get(DataSource);
  const { appId } = (await t.api('GET', `/api/integrations/${integrationId}`)).body;
  // 32-bit xids of a fresh bench database: no wraparound to care about.
  const [{ xid }] = await db.query(`SELECT (txid_current() % 4294967296)::bigint AS xid`);
  const started = performance.now();
  const run = await runLoad(t, integrationId);
  const seconds = (performance.now() - started) / 1000;
  expect(run).toMatchObject({ status: 'completed', created: 0, updated: 0, unchanged: USERS, deactivated: 0 });
  const [rewritten] = await db.query(
    `SELECT count(*) FILTER (WHERE u.xmin::text::bigint > $2)::int AS users, count(*) FILTER (WHERE p.xmin::text::bigint > $2)::int AS people
     FROM saas_user u LEFT JOIN person p ON p.id = u.person_id WHERE u.app_id = $1`,
    [appId, xid],
  );
  expect(rewritten).toEqual({ users: 0, people: 0 });
  return { seconds, rewritten };
}

/** The same mapped rows, upserted with nothing but batched INSERT … ON CONFLICT in transactions. */
async function rawUpsert(records: MappedRecord[]): Promise<number> {
  const db = t.app.get(DataSource);
  const [app] = await db.query(`INSERT INTO saas_app (name, preset_id) VALUES ('raw upsert', 'litmos') RETURNING id`);
  const started = performance.now();
  for (let i = 0; i < records.length; i += BATCH) {
    const json = JSON.stringify(
      records.slice(i, i + BATCH).map((r) => ({
        external_id: r.externalId, username: r.username, email: r.email, first_name: r.firstName, last_name: r.lastName,
        role: r.role, active: r.active, last_login_at: r.lastLoginAt, vendor_created_at: r.createdAt,
      })),
    );
    await db.transaction((m) =>
      m.query(
        `INSERT INTO saas_user (app_id, external_id, username, email, first_name, last_name, role, status, last_login_at, vendor_created_at)
         SELECT $1, r.external_id, r.username, r.email, r.first_name, r.last_name, r.role,
           CASE WHEN r.active IS FALSE THEN 'deactivated' ELSE 'active' END::saas_user_status, r.last_login_at, r.vendor_created_at
         FROM jsonb_to_recordset($2::jsonb) AS r(external_id text, username text, email text, first_name text, last_name text,
           role text, active boolean, last_login_at timestamptz, vendor_created_at timestamptz)
         ON CONFLICT (app_id, external_id) DO UPDATE SET username = EXCLUDED.username, email = EXCLUDED.email,
           first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, role = EXCLUDED.role, status = EXCLUDED.status,
           last_login_at = EXCLUDED.last_login_at, vendor_created_at = EXCLUDED.vendor_created_at`,
        [app.id, json],
      ),
    );
  }
  return (performance.now() - started) / 1000;
}

it('measures a 100k-user load', async () => {
  // 1. Limits off: the pipeline's own speed.
  const unlimited = await startRemoteLitmos(USERS, 7, 'off');
  const fast = await load('bench unlimited', unlimited, { requests: 1_000_000, perMs: 1_000 });

  const client = createPresetClient({ presetId: 'litmos', baseUrl: unlimited.url, credentials: unlimited.credentials, allowedHosts: ['127.0.0.1'], rateLimitOverride: false });
  const records: MappedRecord[] = [];
  const mappings = getPreset('litmos').defaultMapping;
  for await (const page of client.listUsers()) {
    for (const user of page.users) {
      const mapped = mapRecord(user, mappings);
      if (mapped.ok) records.push(mapped.record);
    }
  }
  expect(records).toHaveLength(USERS);
  const rawSeconds = await rawUpsert(records);
  const again = await reload(fast.integrationId);

  // 2. The real limit, enforced by the simulator (503 when exceeded) and paced by the runtime.
  const limited = await startRemoteLitmos(USERS, 7, 'on');
  const real = await load('bench real limit', limited, null);
  const limit = getPreset('litmos').rateLimit;
  const floorSeconds = (Math.floor((real.requests - 1) / limit.requests) * limit.perMs) / 1000;

  const loadRate = USERS / fast.seconds;
  const rawRate = USERS / rawSeconds;
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    users: USERS,
    unlimited: { seconds: round(fast.seconds), recordsPerSecond: Math.round(loadRate), pages: fast.run.pagesDone, requests: fast.requests },
    rawBulkUpsert: { seconds: round(rawSeconds), recordsPerSecond: Math.round(rawRate), batch: BATCH },
    unchangedReload: { seconds: round(again.seconds), firstLoadSeconds: round(fast.seconds), rowsRewritten: again.rewritten },
    ratio: round(loadRate / rawRate),
    ratioGoal: 0.5,
    realLimit: {
      limit: limit.description,
      seconds: round(real.seconds),
      requests: real.requests,
      throttled: real.throttled,
      floorSeconds,
      overFloor: round(real.seconds / floorSeconds),
      goal: 1.1,
    },
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}/load.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(
    `${resultsDir}/load.md`,
    [
      `# User load bench (${results.date}, ${results.machine.cpus} CPUs, Node ${results.machine.node})`,
      '',
      '| figure | value | goal |',
      '|---|---|---|',
      `| 100k load, limits off | ${results.unlimited.seconds} s = ${results.unlimited.recordsPerSecond} records/s | |`,
      `| raw bulk upsert of the same rows | ${results.rawBulkUpsert.seconds} s = ${results.rawBulkUpsert.recordsPerSecond} records/s | |`,
      `| ratio load / raw | ${results.ratio} | ≥ 0.5 |`,
      `| re-load of the 100k unchanged users | ${results.unchangedReload.seconds} s (first load ${results.unchangedReload.firstLoadSeconds} s), ${again.rewritten.users} saas_user and ${again.rewritten.people} person rows rewritten | 0 rows |`,
      `| 100k load at ${limit.description} | ${results.realLimit.seconds} s, ${results.realLimit.requests} requests, ${results.realLimit.throttled} throttled | |`,
      `| wall time / floor (${floorSeconds} s) | ${results.realLimit.overFloor}× | ≤ 1.1× |`,
      '',
    ].join('\n'),
  );
  console.log(JSON.stringify(results, null, 2));
});

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
