/** Who is writing: stamped on rows and events. */
export interface LoadScope {
  appId: string;
  integrationId: string;
  runId: string;
}

/** The `source` of inventory events a load emits. */
export function loadSource(scope: LoadScope) {
  return { kind: 'load' as const, integrationId: scope.integrationId, runId: scope.runId };
}
