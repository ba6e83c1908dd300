import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Reads a variable that `npm test` (scripts/test.sh) sets, failing with a hint when it is missing. */
export function requiredTestEnv(name: 'TEST_DATABASE_URL' | 'TEMPORAL_ADDRESS'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with \`npm test\`, which starts Postgres and Temporal`);
  return value;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database with a unique name on the test server (or on `server`, e.g. a
 * private cluster a test restarts), so test files can run in parallel.
 */
export async function createTestDatabase(prefix = 'rolecall_test', server?: string): Promise<TestDatabase> {
  const serverUrl = new URL(server ?? requiredTestEnv('TEST_DATABASE_URL'));
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
