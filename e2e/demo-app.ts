import type { SimulatorHandle } from '@rolecall/presets/simulators';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../server/test/support/rolecall-app';
import { WEB_DIST } from './page-capture';

/**
 * The app as `npm start` sets it up, serving the built web app: a credential per simulator and a
 * launched, running user load for the vendors the demo loads (Litmos among them).
 */
export function startDemoApp(simulators: Record<string, SimulatorHandle>): Promise<TestApp> {
  const file = join(mkdtempSync(join(tmpdir(), 'rolecall-demo-')), 'simulators.json');
  const state = Object.fromEntries(Object.entries(simulators).map(([presetId, sim]) => [presetId, { url: sim.url, credentials: sim.credentials }]));
  writeFileSync(file, JSON.stringify(state));
  return startTestApp({ ROLECALL_WEB_DIST: WEB_DIST, ROLECALL_DEMO_SIMULATORS_FILE: file });
}
