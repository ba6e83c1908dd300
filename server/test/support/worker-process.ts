import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { requiredTestEnv } from './test-env';

const workerEntry = fileURLToPath(new URL('../../dist/worker.main.js', import.meta.url));

/**
 * Standalone worker processes (the compiled worker a deployment runs) on one task queue and
 * database, which tests and benches SIGKILL at will. `alive()` lists those still running.
 */
export function workerProcesses(settings: () => { databaseUrl: string; taskQueue: string; masterKey: string }) {
  const started: ChildProcess[] = [];
  return {
    start(): ChildProcess {
      const { databaseUrl, taskQueue, masterKey } = settings();
      const child = spawn(process.execPath, [workerEntry], {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          TEMPORAL_ADDRESS: requiredTestEnv('TEMPORAL_ADDRESS'),
          TEMPORAL_TASK_QUEUE: taskQueue,
          ROLECALL_MASTER_KEY: masterKey,
          ROLECALL_ALLOWED_HOSTS: '127.0.0.1',
          ROLECALL_MIGRATE_ON_START: 'false',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      started.push(child);
      return child;
    },
    alive: () => started.filter((w) => w.exitCode === null && !w.killed),
    killAll(): void {
      for (const w of started) w.kill('SIGKILL');
    },
  };
}
