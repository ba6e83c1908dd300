/** The workflow pages' URLs, built in one place so links and routes agree. */
export const WORKFLOWS_PATH = '/workflows';
export const workflowPath = (workflowId: string) => `${WORKFLOWS_PATH}/${workflowId}`;
export const workflowRunPath = (workflowId: string, runId: string) => `${workflowPath(workflowId)}/runs/${runId}`;
