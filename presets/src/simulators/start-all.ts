import { startGithubSimulator } from './github.simulator';
import { startLeverSimulator } from './lever.simulator';
import { startLitmosSimulator } from './litmos.simulator';
import { startPlanhatSimulator } from './planhat.simulator';
import { startScimSimulator } from './scim.simulator';
import type { SimulatorHandle } from './sim-common';

/** Preset id → its running simulator. */
export type RunningSimulators = Record<'litmos' | 'lever' | 'planhat' | 'scim' | 'github', SimulatorHandle>;

/** Default ports (4101–4105) and demo populations; each overridable by environment variables. */
const DEFAULTS = {
  litmos: { port: 4101, users: 5_000, env: 'LITMOS' },
  lever: { port: 4102, users: 2_000, env: 'LEVER' },
  planhat: { port: 4103, users: 2_000, env: 'PLANHAT' },
  scim: { port: 4104, users: 2_000, env: 'SCIM' },
  github: { port: 4105, users: 500, env: 'GITHUB' },
} as const;

function envInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}".`);
  return n;
}

/**
 * Starts all five simulators at their vendors' real rate limits. Ports:
 * ROLECALL_SIM_<VENDOR>_PORT (0 = any free port); users: ROLECALL_SIM_<VENDOR>_USERS.
 */
export async function startAllSimulators(env: NodeJS.ProcessEnv = process.env): Promise<RunningSimulators> {
  const opts = (id: keyof typeof DEFAULTS) => ({
    port: envInt(env, `ROLECALL_SIM_${DEFAULTS[id].env}_PORT`, DEFAULTS[id].port),
    users: envInt(env, `ROLECALL_SIM_${DEFAULTS[id].env}_USERS`, DEFAULTS[id].users),
  });
  const started: SimulatorHandle[] = [];
  try {
    const litmos = await startLitmosSimulator(opts('litmos'));
    started.push(litmos);
    const lever = await startLeverSimulator(opts('lever'));
    started.push(lever);
    const planhat = await startPlanhatSimulator(opts('planhat'));
    started.push(planhat);
    const scim = await startScimSimulator(opts('scim'));
    started.push(scim);
    const github = await startGithubSimulator(opts('github'));
    started.push(github);
    return { litmos, lever, planhat, scim, github };
  } catch (error) {
    await Promise.all(started.map((s) => s.close()));
    throw error;
  }
}
