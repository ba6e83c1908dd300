// Records runGraph / runBatch histories of real runs for the replay test (workflows/test/histories).
// `bash scripts/record-histories.sh` runs it; re-record when a deliberate, versioned change to the
// workflows makes old histories obsolete (and say so in the commit).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startLitmosSimulator } from '@rolecall/presets/simulators';
import { runGraphContract } from '@rolecall/workflows';
import { Client, Connection } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { expect, it } from 'vitest';
import { launched, loadApp, roleAuditGraph, runWorkflow, staleLitmosGraph, waitForWorkflowRun } from '../test/support/engine-fixtures';
import { startTestApp } from '../test/support/rolecall-app';
import { PAYLOAD_CODEC } from '../src/temporal/temporal.constants';
import { requiredTestEnv } from '../test/support/test-env';

const OUT = fileURLToPath(new URL('../../workflows/test/histories/', import.meta.url));
/**
 * Plain protobuf objects (int64 and enums as strings), read back with `History.fromObject`. Not
 * the SDK's historyToJSON: in this install it runs on another protobufjs copy than the proto
 * classes and fails ("type must be a Type").
 */
const HISTORY_JSON = { longs: String, enums: String, bytes: String } as const;

/**
 * Decodes every payload of a history in place with the server's codec, so the recordings hold
 * plain JSON payloads and the replay test needs no vault key.
 */
async function decodePayloads(node: unknown, codec: PayloadCodec): Promise<void> {
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (value && typeof value === 'object' && 'metadata' in value && 'data' in value && (value as Payload).data instanceof Uint8Array) {
      const [decoded] = await codec.decode([value as Payload]);
      (node as Record<string, unknown>)[key] = decoded;
    } else await decodePayloads(value, codec);
  }
}

it('records the histories of a role audit and of an approved deactivation', async () => {
  const t = await startTestApp();
  const litmos = await startLitmosSimulator({ users: 600, rateLimit: false, seed: 61 });
  const connection = await Connection.connect({ address: requiredTestEnv('TEMPORAL_ADDRESS') });
  try {
    const client = new Client({ connection });
    const save = async (name: string, workflowId: string) => {
      const history = await client.workflow.getHandle(workflowId).fetchHistory();
      await decodePayloads(history, t.app.get<PayloadCodec>(PAYLOAD_CODEC));
      await writeFile(`${OUT}${name}.json`, `${JSON.stringify(temporal.api.history.v1.History.toObject(history, HISTORY_JSON), null, 1)}\n`);
    };
    const { appId, credentialId } = await loadApp(t, 'litmos', litmos, 'Litmos histories');

    const audit = await launched(t, 'Role audit (history)', roleAuditGraph(appId, credentialId));
    const audited = await runWorkflow(t, audit.id);
    expect(audited.status).toBe('completed');
    await save('run-graph-role-audit', runGraphContract.ids.manualWorkflow(audited.id));
    await save('run-batch-role-audit', runGraphContract.ids.batch(audited.id, '0', '0'));

    const stale = await launched(t, 'Stale (history)', staleLitmosGraph(appId, credentialId, { maxUsers: 3 }));
    const started = await t.api('POST', `/api/workflows/${stale.id}/runs`, { mode: 'live' });
    await waitForWorkflowRun(t, started.body.id, (r) => r.status === 'awaiting_approval');
    await t.api('POST', `/api/runs/${started.body.id}/approve`);
    expect((await waitForWorkflowRun(t, started.body.id)).status).toBe('completed');
    await save('run-graph-approved-deactivation', runGraphContract.ids.manualWorkflow(started.body.id));
    await save('run-batch-held', runGraphContract.ids.batch(started.body.id, '0', '0'));
    await save('run-batch-deactivation', runGraphContract.ids.batch(started.body.id, '1', '0'));
  } finally {
    await connection.close();
    await litmos.close();
    await t.close();
  }
});
