// Entry point of the workflow bundle: every workflow the worker can run is exported here.
export { connectivityCheck } from './connectivity-check.workflow';
export { runBatch } from './run-batch.workflow';
export { runGraph } from './run-graph.workflow';
export { userLoad } from './user-load.workflow';
