import type { TemporalConfig } from '@rolecall/workflows';
import type { Env } from '../config/env';

/** The one Temporal configuration of this process: the API's client and the worker both use it. */
export function temporalConfig(env: Env): TemporalConfig {
  return {
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    logLevel: env.TEMPORAL_LOG_LEVEL,
  };
}
