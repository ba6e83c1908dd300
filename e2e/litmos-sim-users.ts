import type { SimulatorHandle } from '@rolecall/presets/simulators';

const DAY = 24 * 60 * 60 * 1000;

type SimUser = Record<string, unknown>;

/** Every user the simulator holds now, as the vendor would return it. */
export function simUsers(sim: SimulatorHandle): SimUser[] {
  return Array.from({ length: sim.state.size }, (_, i) => sim.state.get(sim.state.idAt(i)!)!);
}

/** Litmos users the "inactive for a year" workflow deactivates: active, last login more than 365 days ago. */
export function staleActiveLitmosUsers(sim: SimulatorHandle, now: number): SimUser[] {
  return simUsers(sim).filter((u) => u.Active === true && u.LastLogin !== null && Date.parse(String(u.LastLogin)) < now - 365 * DAY);
}
