import type { PayloadCodec } from '@temporalio/common';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createActivities, type ActivityDeps } from './activities';
import { FAILURE_CONVERTER_PATH } from './codec/failure-converter-path';
import type { TemporalConfig } from './config';

/** The prebuilt bundle written by `npm run build` (scripts/bundle-workflows). */
export const WORKFLOW_BUNDLE_PATH = join(__dirname, '..', 'dist', 'workflow-bundle.js');

export interface RolecallWorkerOptions {
  config: TemporalConfig;
  /** Encodes every payload the worker sends and decodes what it reads (Rolecall's: EncryptionCodec). */
  payloadCodec: PayloadCodec;
  /** Defaults to `<hostname>:<pid>`; shows up in Temporal history as the activity's worker. */
  identity?: string;
  /** Server-provided ports the activities need (see ActivityDeps). */
  deps?: Omit<ActivityDeps, 'workerIdentity'>;
}

let runtimeInstalled = false;

/**
 * The SDK logs every worker state change at INFO, so the configured level (TEMPORAL_LOG_LEVEL)
 * matters. The runtime can be installed once per process, before any connection: the first
 * worker's level wins.
 */
function installRuntimeOnce(config: TemporalConfig): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger(config.logLevel) });
}

/**
 * Creates a worker for Rolecall's task queue. It uses the prebuilt workflow bundle when present
 * (fast start, same code in every worker); otherwise it bundles from source, which is what
 * development and tests want.
 */
export async function createRolecallWorker(options: RolecallWorkerOptions): Promise<Worker> {
  installRuntimeOnce(options.config);
  const identity = options.identity ?? `${hostname()}:${process.pid}`;
  const connection = await NativeConnection.connect({ address: options.config.address });
  const workflowSource = existsSync(WORKFLOW_BUNDLE_PATH)
    ? { workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH } }
    : { workflowsPath: join(__dirname, 'workflows') };
  return Worker.create({
    connection,
    namespace: options.config.namespace,
    taskQueue: options.config.taskQueue,
    identity,
    dataConverter: { payloadCodecs: [options.payloadCodec], failureConverterPath: FAILURE_CONVERTER_PATH },
    activities: createActivities({ ...options.deps, workerIdentity: identity }),
    ...workflowSource,
  });
}
