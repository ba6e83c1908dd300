import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../../../scripts/postgres.sh', import.meta.url));

/** A PostgreSQL cluster of one test's own, which the test may stop and start at will. */
export interface PrivatePostgres {
  /** Server URL without a database, e.g. postgres://postgres@127.0.0.1:41234. */
  url: string;
  /** Stops the server (fast shutdown: open connections are terminated, as in a real restart). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes the cluster. */
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Creates and starts a private cluster through scripts/postgres.sh (ROLECALL_PG=private) in a
 * temporary data dir on a free port: the script finds or installs the server binaries and runs
 * them as the `postgres` user when we are root, so this works on a fresh machine too. Restarting
 * the shared test server instead would break every other test running against it.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rolecall-pg-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ROLECALL_PG: 'private', ROLECALL_DATA_DIR: dataDir, ROLECALL_PG_PORT: String(await freePort()) };
  // The script prefers DATABASE_URL / TEST_DATABASE_URL when set: this cluster must be our own.
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  const postgres = (command: string) => run('bash', [script, command], { env, timeout: 300_000 });
  const { stdout } = await postgres('ensure');
  const stop = async () => {
    await postgres('stop');
  };
  return {
    url: stdout.trim(),
    stop,
    start: async () => {
      await postgres('ensure');
    },
    destroy: async () => {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
