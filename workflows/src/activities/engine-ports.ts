import type { PresetClient, VendorUser } from '@rolecall/presets';
import type { Ir, RuleRecord } from '../graph';
import type { RunMode, RunTrigger } from '../contracts/run-graph.contract';

/**
 * What the engine's activities need from the server: narrow capabilities (rows, pages, decrypted
 * vendor clients), never a use case. The effect logic — ledger claim, vendor call, outcome — lives
 * in the activities. Every method is idempotent, so Temporal may retry any activity at any point.
 */

/** A run as its workflow sees it: the frozen IR of its version and its fixed population size. */
export interface BegunRun {
  runId: string;
  ir: Ir;
  mode: RunMode;
  trigger: RunTrigger;
  /** Records the population rule matched when the run began (caps are percentages of it). */
  populationTotal: number;
  /** The run's clock for rules (`olderThanDays`…): fixed at begin, so every batch and replay agrees. */
  startedAt: string;
}

/** What a node decided for a record earlier in this run (a restarted batch or a later pass reuses it). */
export interface PriorOutcome {
  outcome: string;
  retrieval?: { found: boolean; role: string | null };
}

/** One population record with its rule facts and the outcomes already stored for it. */
export interface BatchRecord {
  saasUserId: string;
  facts: RuleRecord;
  prior: Record<string, PriorOutcome>;
}

/** One row of the run's record log: what `nodeId` decided for a record. */
export interface OutcomeRow {
  nodeId: string;
  block: string;
  saasUserId: string;
  /** `held`: waiting at a destructive node that is not cleared (dry run: would be hit). */
  state: 'done' | 'held';
  outcome: string | null;
  vendorStatus?: number;
  message?: string;
  detail?: Record<string, unknown>;
}

export type RunEnd = 'completed' | 'failed' | 'cancelled';

export interface RunStore {
  begin(input: { versionId: string; trigger: RunTrigger; mode: RunMode; runId?: string; workflowId: string }): Promise<BegunRun>;
  /** The next `limit` population records after `after` (keyset by SaaS user id), for this run's scope. */
  page(input: { runId: string; after: string | null; limit: number }): Promise<BatchRecord[]>;
  /** Stores outcomes; a row already `done` is never changed. */
  record(runId: string, rows: readonly OutcomeRow[]): Promise<void>;
  /** The run waits for approval at these nodes (status `awaiting_approval`), or runs again (empty list). */
  awaitApproval(runId: string, nodeIds: readonly string[]): Promise<void>;
  finish(runId: string, end: RunEnd, message?: string): Promise<void>;
}

/** The ledger's answer to a claim. `uncertain`: an earlier attempt claimed it and may have called the vendor. */
export type Claim = { state: 'new' } | { state: 'uncertain' } | { state: 'done'; outcome: string; detail?: Record<string, unknown> };

/** The result of one vendor effect, stored with the ledger entry. */
export interface EffectResult {
  outcome: string;
  vendorStatus?: number;
  message?: string;
  detail?: Record<string, unknown>;
}

export type InventoryEffect = 'none' | 'markInactive' | 'markActive' | 'remove';

/** Exactly-once bookkeeping of effects, keyed by (run, node, record). */
export interface EffectsLedger {
  claim(key: EffectKey): Promise<Claim>;
  /** Gives a claim back when the vendor certainly did nothing (it throttled), so the retry is not `uncertain`. */
  release(key: EffectKey): Promise<void>;
  /** Completes the entry and applies the inventory effect of a success, in one transaction. */
  complete(key: EffectKey, result: EffectResult, inventory: InventoryEffect): Promise<void>;
}

export interface EffectKey {
  runId: string;
  nodeId: string;
  saasUserId: string;
}

/** A preset client for a vault credential, paced by the deployment-wide pacer of that credential. */
export interface OpenedVendor {
  client: PresetClient;
  /** The credential's display name, for error messages an admin can act on. */
  credentialName: string;
}

export interface VendorClients {
  open(credentialId: string): Promise<OpenedVendor>;
}

/** The run's one listing of a vendor account (table run_snapshot), so reads cost pages, not users. */
export interface RunSnapshots {
  store(input: { runId: string; credentialId: string; users: readonly { externalId: string; user: VendorUser }[] }): Promise<void>;
  find(input: { runId: string; credentialId: string; externalIds: readonly string[] }): Promise<Map<string, VendorUser>>;
}

/** Inventory writes a Role Retrieval makes (no vendor call). */
export interface InventoryEffects {
  setRole(saasUserId: string, role: string | null): Promise<void>;
  /** Marks the SaaS user deactivated (with its inventory event) because the vendor no longer has it. */
  markMissing(saasUserId: string, source: { runId: string; nodeId: string }): Promise<void>;
}

export interface EnginePorts {
  runs: RunStore;
  ledger: EffectsLedger;
  vendors: VendorClients;
  snapshots: RunSnapshots;
  inventory: InventoryEffects;
}
