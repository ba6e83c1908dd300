import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemporalClient } from '../src/client';
import { EncryptionCodec } from '../src/codec/encryption.codec';
import { startWorkflow } from '../src/contract-client';
import { connectivityCheckContract } from '../src/contracts/connectivity-check.contract';
import type { TemporalConfig } from '../src/config';
import { createRolecallWorker } from '../src/worker';

function temporalAddress(): string {
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set: run the suite with `npm test`, which starts Temporal');
  return address;
}

describe('connectivity check on the real Temporal dev server', () => {
  // A task queue of its own keeps this test's tasks away from any other worker.
  const config: TemporalConfig = { address: temporalAddress(), namespace: 'default', taskQueue: `test-${randomUUID()}`, logLevel: 'WARN' };
  const identity = `connectivity-test-worker-${randomUUID()}`;
  const key = randomBytes(32);
  const payloadCodec = new EncryptionCodec({ currentKeyId: () => 'test', key: () => key });
  let worker: Worker;
  let running: Promise<void>;
  let client: Client;

  beforeAll(async () => {
    worker = await createRolecallWorker({ config, identity, payloadCodec });
    running = worker.run();
    client = createTemporalClient(config, payloadCodec);
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await client?.connection.close();
  });

  it('completes a workflow whose activity ran in our worker', async () => {
    const nonce = randomUUID();
    const workflowId = connectivityCheckContract.ids.workflow(nonce);
    const handle = await startWorkflow(client, connectivityCheckContract, { taskQueue: config.taskQueue, workflowId, input: nonce });
    const result = await handle.result();

    expect(result.workflowId).toBe(workflowId);
    expect(result.probe).toMatchObject({ nonce, workerIdentity: identity, pid: process.pid, taskQueue: config.taskQueue, attempt: 1 });

    // The server's own history must agree: the activity was completed by our worker identity.
    const history = await handle.fetchHistory();
    const completed = history.events?.filter((e) => e.activityTaskCompletedEventAttributes) ?? [];
    expect(completed).toHaveLength(1);
    expect(completed[0]?.activityTaskCompletedEventAttributes?.identity).toBe(identity);
    expect((await handle.describe()).status.name).toBe('COMPLETED');
  });

  it('refuses to start a workflow whose input breaks its contract', async () => {
    const start = startWorkflow(client, connectivityCheckContract, { taskQueue: config.taskQueue, workflowId: `connectivity-${randomUUID()}`, input: '' });
    await expect(start).rejects.toThrow(/too_small|at least 1/i);
  });
});
