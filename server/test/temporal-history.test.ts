import { startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { temporal } from '@temporalio/proto';
import type { Client } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPORAL_CLIENT } from '../src/temporal/temporal.constants';
import { runLoad, startTestApp, type TestApp } from './support/rolecall-app';

const EMAIL = `jane.roe.${randomBytes(4).toString('hex')}@example.com`;
const NAME = `Jane Roe-${randomBytes(4).toString('hex')}`;
const API_KEY = `sk-history-${randomBytes(16).toString('hex')}`;

type History = temporal.api.history.v1.IHistory;
type WirePayload = { metadata: Record<string, string>; data: string };

/** The run's history exactly as the Temporal server stores it: fetched over gRPC, nothing decoded. */
async function rawHistory(client: Client, workflowId: string): Promise<History> {
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await client.connection.workflowService.getWorkflowExecutionHistory({
      namespace: client.options.namespace,
      execution: { workflowId },
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return { events };
}

/** Every payload-shaped object in the history, as the codec protocol carries it (base64). */
function payloadsOf(value: unknown, found: WirePayload[] = []): WirePayload[] {
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return found;
  const v = value as Record<string, unknown>;
  if (v.metadata && typeof v.metadata === 'object' && v.data instanceof Uint8Array) {
    const metadata = Object.fromEntries(Object.entries(v.metadata as Record<string, Uint8Array>).map(([k, b]) => [k, Buffer.from(b).toString('base64')]));
    found.push({ metadata, data: Buffer.from(v.data).toString('base64') });
    return found;
  }
  for (const child of Object.values(v)) payloadsOf(child, found);
  return found;
}

describe('Temporal history holds no personal data or secrets', () => {
  let t: TestApp;
  let litmos: SimulatorHandle;
  let echo: http.Server;

  beforeAll(async () => {
    t = await startTestApp();
    litmos = await startLitmosSimulator({ users: 25, rateLimit: false });
    // A vendor whose error message echoes a user's e-mail and name: it reaches failure messages
    // and the activity that records the failed run.
    echo = http.createServer((_req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ Message: `user ${EMAIL} (${NAME}) is not allowed` }));
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
  });

  afterAll(async () => {
    echo?.closeAllConnections();
    await new Promise<void>((r) => (echo ? echo.close(() => r()) : r()));
    await litmos?.close();
    await t?.close();
  });

  async function load(baseUrl: string, apiKey: string): Promise<{ run: { status: string; workflowId: string } }> {
    const credential = await t.api('POST', '/api/credentials', {
      name: `Litmos ${randomBytes(3).toString('hex')}`,
      presetId: 'litmos',
      baseUrl,
      fields: { apiKey, source: 'rolecall-test' },
    });
    expect(credential.status, credential.text).toBe(201);
    const integration = await t.api('POST', '/api/integrations', {
      name: `History ${randomBytes(3).toString('hex')}`,
      presetId: 'litmos',
      credentialId: credential.body.id,
      syncKeys: [{ field: 'externalId', priority: 1 }],
    });
    expect(integration.status, integration.text).toBe(201);
    return { run: await runLoad(t, integration.body.id) };
  }

  it('stores every payload and failure message of a user load encrypted, and the codec endpoint decodes them', async () => {
    const client = t.app.get<Client>(TEMPORAL_CLIENT);
    const ok = await load(litmos.url, litmos.credentials.apiKey!);
    expect(ok.run.status).toBe('completed');
    const failed = await load(`http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1.svc`, API_KEY);
    expect(failed.run.status).toBe('failed');

    const users = (await t.api('GET', '/api/saas-users?pageSize=500')).body.items as { email: string | null; firstName: string | null; lastName: string | null }[];
    expect(users.length).toBeGreaterThan(0);
    const personal = [EMAIL, NAME, API_KEY, litmos.credentials.apiKey!, ...users.flatMap((u) => [u.email, u.lastName].filter((v): v is string => !!v))];

    const histories = [await rawHistory(client, failed.run.workflowId), await rawHistory(client, ok.run.workflowId)];
    for (const history of histories) {
      const bytes = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
      for (const value of personal) expect(bytes.includes(value), `"${value}" in raw history`).toBe(false);
      for (const payload of payloadsOf(history)) {
        expect(Buffer.from(payload.metadata.encoding ?? '', 'base64').toString()).toBe('binary/encrypted');
      }
    }

    // The same history through the codec endpoint (what the Temporal Web UI calls): the e-mail is
    // there, so only the encryption kept it out of the raw bytes above.
    const decoded = await t.api('POST', '/api/temporal-codec/decode', { payloads: payloadsOf(histories[0]) });
    expect(decoded.status, decoded.text).toBe(200);
    const plain = (decoded.body.payloads as WirePayload[]).map((p) => Buffer.from(p.data, 'base64').toString()).join('\n');
    expect(plain).toContain(EMAIL);
    expect(plain).not.toContain(API_KEY);
  });

  it('lets only the configured Temporal Web UI origin call the codec endpoint cross-origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.base}/api/temporal-codec/decode`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
      });
    const ui = await preflight('http://localhost:8233');
    expect(ui.status).toBe(204);
    expect(ui.headers.get('access-control-allow-origin')).toBe('http://localhost:8233');
    expect(ui.headers.get('access-control-allow-headers')).toMatch(/x-namespace/i);
    expect((await preflight('https://attacker.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
