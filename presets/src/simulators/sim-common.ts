import type { SimCounters } from './sim-counters';
import type { SimFaults } from './sim-faults';
import type { SimRateLimit } from './sim-rate-limit';

/** Options every vendor simulator accepts. */
export interface SimulatorOptions {
  /** Number of seeded users (any N; 100k is fine). */
  users?: number;
  /** Seed of the deterministic population and fault draws. */
  seed?: number;
  /** The vendor limit to enforce; default the vendor's real one; false disables it. */
  rateLimit?: SimRateLimit | false;
  faults?: SimFaults;
  /** 0 or omitted = any free port. */
  port?: number;
  /** "Now" for last-login spread (epoch ms); default the start of today (UTC). */
  referenceTime?: number;
}

/** The users a simulator serves, for assertions. */
export interface SimUserState {
  /** Users currently present (deleted ones excluded). */
  readonly size: number;
  /** Id of the user at a position among present users. */
  idAt(position: number): string | undefined;
  /** The user as the vendor would return it (a copy), or undefined when absent. */
  get(id: string): Record<string, unknown> | undefined;
}

/** A running simulator. */
export interface SimulatorHandle {
  /** Base URL to give `createPresetClient({ baseUrl })`. */
  url: string;
  port: number;
  /** Demo credentials the simulator accepts, keyed like the preset's credential fields. */
  credentials: Record<string, string>;
  counters: SimCounters;
  state: SimUserState;
  setFaults(faults: SimFaults): void;
  setRateLimit(rateLimit: SimRateLimit | false): void;
  close(): Promise<void>;
}

/** ISO 8601 without milliseconds, as most vendors print it. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Integer query parameter with a default and bounds (invalid → default). */
export function intParam(value: string | null, fallback: number, min: number, max: number): number {
  if (value === null || !/^-?\d+$/.test(value.trim())) return fallback;
  return Math.min(max, Math.max(min, Number(value)));
}

/** Users whose text fields contain `term` (case-insensitive). */
export function matchesSearch(user: Record<string, unknown>, keys: readonly string[], term: string): boolean {
  const t = term.toLowerCase();
  return keys.some((k) => {
    const v = user[k];
    return typeof v === 'string' && v.toLowerCase().includes(t);
  });
}
