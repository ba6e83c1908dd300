/**
 * `npm run bench -- presets`: lists 100,000 users from the Litmos simulator at Litmos' real limit
 * (100 requests per rolling minute per API key) and reports requests used against the minimum,
 * throttled responses (goal 0) and wall time against the limit's floor. Takes about a minute.
 * Writes bench-results/presets.json and bench-results/presets.md at the repository root.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createPresetClient } from '../src/runtime/preset-client';
import { startLitmosSimulator } from '../src/simulators/litmos.simulator';
import { litmos } from '../src/vendors/litmos';

const USERS = Number(process.env.BENCH_PRESETS_USERS ?? 100_000);
const OUT_DIR = resolve(__dirname, '..', '..', 'bench-results');

async function main(): Promise<void> {
  const { requests: limit, perMs } = litmos.rateLimit;
  const pageSize = litmos.operations.listUsers.pagination.pageSize;
  // Real Litmos semantics on the simulator: 100 per rolling 60 s per key, 503 beyond.
  const sim = await startLitmosSimulator({ users: USERS, seed: 2026, rateLimit: { kind: 'rolling', limit, windowMs: perMs } });
  try {
    const client = createPresetClient({
      presetId: 'litmos',
      baseUrl: sim.url,
      credentials: sim.credentials,
      allowedHosts: ['127.0.0.1'],
    });
    process.stdout.write(`listing ${USERS} Litmos users at ${litmos.rateLimit.description} (page size ${pageSize})…\n`);
    const started = Date.now();
    let users = 0;
    let pages = 0;
    for await (const page of client.listUsers()) {
      users += page.users.length;
      pages += 1;
      if (pages % 20 === 0) process.stdout.write(`  ${pages} requests, ${users} users, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
    const wallMs = Date.now() - started;
    const minimumRequests = Math.ceil(USERS / pageSize) + 1;
    const requests = sim.counters.total;
    // A rolling window admits `limit` requests per `perMs`: request k (0-based) cannot start before floor(k / limit) windows.
    const floorMs = Math.floor((requests - 1) / limit) * perMs;
    const result = {
      bench: 'presets',
      date: new Date().toISOString(),
      vendor: 'litmos (simulator)',
      rateLimit: litmos.rateLimit.description,
      users,
      pageSize,
      requests,
      minimumRequests,
      throttledResponses: sim.counters.throttled,
      wallMs,
      floorMs,
      wallOverFloor: floorMs > 0 ? Number((wallMs / floorMs).toFixed(3)) : null,
      node: process.version,
    };
    const lines = [
      `requests used:        ${requests} (minimum ceil(${USERS}/${pageSize}) + 1 = ${minimumRequests})`,
      `throttled responses:  ${result.throttledResponses} (goal 0)`,
      `wall time:            ${(wallMs / 1000).toFixed(1)} s (floor at ${limit}/${perMs / 1000} s: ${(floorMs / 1000).toFixed(1)} s${result.wallOverFloor ? `, ×${result.wallOverFloor}` : ''})`,
      `users listed:         ${users}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, 'presets.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(
      join(OUT_DIR, 'presets.md'),
      [
        '# Bench: presets (Litmos listing at the real rate limit)',
        '',
        `Run ${result.date} on Node ${process.version}: ${USERS} users from the Litmos simulator, which enforces ${litmos.rateLimit.description} (503 beyond it), page size ${pageSize}.`,
        '',
        '| measure | value | target |',
        '|---|---|---|',
        `| requests | ${requests} | ceil(${USERS}/${pageSize}) + 1 = ${minimumRequests} |`,
        `| throttled responses | ${result.throttledResponses} | 0 |`,
        `| wall time | ${(wallMs / 1000).toFixed(1)} s | floor ${(floorMs / 1000).toFixed(1)} s |`,
        '',
      ].join('\n'),
    );
    if (users !== USERS || result.throttledResponses !== 0 || requests !== minimumRequests) process.exitCode = 1;
  } finally {
    await sim.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
