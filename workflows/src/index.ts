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
} from './activities';
export type { UserLoadInput } from './workflows/user-load.workflow';
export type { ConnectivityCheckResult } from './workflows/connectivity-check.workflow';
