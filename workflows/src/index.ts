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
export { connectivityCheckContract } from './contracts/connectivity-check.contract';
export type { ConnectivityCheckResult } from './workflows/connectivity-check.workflow';
