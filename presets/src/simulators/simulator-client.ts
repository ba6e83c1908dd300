import { createPresetClient, type PresetClient, type PresetClientOptions } from '../runtime/preset-client';
import type { SimulatorHandle } from './sim-common';

/**
 * A preset client pointed at a running simulator with its demo credentials, allowed on
 * 127.0.0.1 and unpaced (simulators enforce their own limit when asked to); `extra` overrides.
 */
export function simulatorClient(presetId: string, sim: SimulatorHandle, extra: Partial<PresetClientOptions> = {}): PresetClient {
  return createPresetClient({
    presetId,
    baseUrl: sim.url,
    credentials: sim.credentials,
    allowedHosts: ['127.0.0.1'],
    rateLimitOverride: false,
    ...extra,
  });
}
