export { TemporalConfigSchema, TemporalLogLevelSchema, type TemporalConfig } from './config';
export { createTemporalClient } from './client';
export { EncryptionCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA, type CodecKeys } from './codec/encryption.codec';
export { createRolecallWorker, WORKFLOW_BUNDLE_PATH, type RolecallWorkerOptions } from './worker';
export {
  createActivities,
  type Activities,
  type ActivityDeps,
  type BeginUserLoadInput,
  type BeginUserLoadResult,
  type FinishUserLoadInput,
  type FinishUserLoadResult,
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
export {
  DeactivationDecisionSchema,
  USER_LOAD_RETRY,
  userLoadContract,
  UserLoadInputSchema,
  type DeactivationDecision,
  type UserLoadInput,
} from './contracts/user-load.contract';
export type { UserLoadResult } from './workflows/user-load.workflow';
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
export { connectivityCheckContract } from './contracts/connectivity-check.contract';
export type { ConnectivityCheckResult } from './workflows/connectivity-check.workflow';
