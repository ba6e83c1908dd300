import type { PayloadCodec } from '@temporalio/common';
import { Client, Connection } from '@temporalio/client';
import { FAILURE_CONVERTER_PATH } from './codec/failure-converter-path';
import type { TemporalConfig } from './config';

/**
 * A Temporal client whose connection is opened lazily, so an API process can boot (and report
 * Temporal as down in its health check) while the Temporal server is still starting. Every
 * payload it sends or reads goes through `payloadCodec` (Rolecall's: EncryptionCodec).
 */
export function createTemporalClient(config: TemporalConfig, payloadCodec: PayloadCodec): Client {
  const connection = Connection.lazy({ address: config.address });
  return new Client({ connection, namespace: config.namespace, dataConverter: { payloadCodecs: [payloadCodec], failureConverterPath: FAILURE_CONVERTER_PATH } });
}
