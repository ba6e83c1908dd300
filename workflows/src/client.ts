import { Client, Connection } from '@temporalio/client';
import type { TemporalConfig } from './config';

/**
 * A Temporal client whose connection is opened lazily, so an API process can boot (and report
 * Temporal as down in its health check) while the Temporal server is still starting.
 */
export function createTemporalClient(config: TemporalConfig): Client {
  const connection = Connection.lazy({ address: config.address });
  return new Client({ connection, namespace: config.namespace });
}
