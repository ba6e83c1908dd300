import type { SimulatorHandle } from '@rolecall/presets/simulators';
import { expect } from 'vitest';
import type { TestApp } from './rolecall-app';

/**
 * A credential and an integration for a simulator, through the API. The vendor limit is lifted
 * (the sims enforce none) unless `extra` sets one: the load bench measures the real one.
 */
export async function integrationFor(
  t: TestApp,
  presetId: string,
  sim: SimulatorHandle,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const credential = await t.api('POST', '/api/credentials', { name, presetId, baseUrl: sim.url, fields: sim.credentials });
  expect(credential.status, credential.text).toBe(201);
  const integration = await t.api('POST', '/api/integrations', {
    name,
    presetId,
    credentialId: credential.body.id,
    appName: name,
    syncKeys: [{ field: 'externalId', priority: 1 }],
    rateLimit: { requests: 1_000_000, perMs: 1_000 },
    ...extra,
  });
  expect(integration.status, integration.text).toBe(201);
  return integration.body.id;
}

/** Simulators a test file started, closed together in its afterAll. */
export function simulatorPool() {
  const started: SimulatorHandle[] = [];
  return {
    async start<T extends SimulatorHandle>(starting: Promise<T>): Promise<T> {
      const handle = await starting;
      started.push(handle);
      return handle;
    },
    closeAll: () => Promise.all(started.map((s) => s.close())),
  };
}
