export { TemporalConfigSchema, TemporalLogLevelSchema, type TemporalConfig } from './config';
export { createTemporalClient } from './client';
export { createRolecallWorker, WORKFLOW_BUNDLE_PATH, type RolecallWorkerOptions } from './worker';
export {
  createActivities,
  type Activities,
  type ActivityDeps,
  type BeginUserLoadInput,
  type LoadUserPagesInput,
  type LoadUserPagesResult,
  type UserLoadCounts,
  type UserLoadPort,
  type BatchRecord,
  type BegunRun,
  type Claim,
  type EffectKey,
  type EffectResult,
  type EffectsLedger,
  type EnginePorts,
  type InventoryEffect,
  type OpenedVendor,
  type OutcomeRow,
  type PriorOutcome,
  type RunEnd,
  type RunSnapshots,
  type RunStore,
  type InventoryEffects,
  type VendorClients,
} from './activities';
export { scheduledStart, startWorkflow, type ContractStart } from './contract-client';
export type { WorkflowContract, WorkflowInput, WorkflowName } from './contracts/workflow-contract';
export { userLoadContract, UserLoadInputSchema, type UserLoadInput } from './contracts/user-load.contract';
export {
  approveSignal,
  progressQuery,
  runGraphContract,
  RunGraphInputSchema,
  RunModeSchema,
  RunTriggerSchema,
  type RunGraphInput,
  type RunGraphProgress,
  type RunMode,
  type RunTrigger,
} from './contracts/run-graph.contract';
export { BATCH_SIZE, SNAPSHOT_MIN_POPULATION } from './workflows/run-graph.workflow';
export { connectivityCheckContract } from './contracts/connectivity-check.contract';
export type { ConnectivityCheckResult } from './workflows/connectivity-check.workflow';
