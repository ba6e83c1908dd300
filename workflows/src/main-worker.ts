// Standalone worker process for the scale-out setup (docker-compose `worker` service).
import { temporalConfigFromEnv } from './config';
import { createRolecallWorker } from './worker';

async function main(): Promise<void> {
  const config = temporalConfigFromEnv();
  const worker = await createRolecallWorker({ config });
  console.log(`rolecall worker polling ${config.taskQueue} on ${config.address} (${config.namespace})`);
  await worker.run();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
