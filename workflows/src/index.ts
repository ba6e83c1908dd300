export { TemporalConfigSchema, temporalConfigFromEnv, type TemporalConfig } from './config';
export { createTemporalClient } from './client';
export { createRolecallWorker, WORKFLOW_BUNDLE_PATH, type RolecallWorkerOptions } from './worker';
export { createActivities, type Activities, type ActivityDeps } from './activities';
export type { ConnectivityCheckResult } from './workflows/connectivity-check.workflow';
