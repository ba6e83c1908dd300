import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createTemporalClient } from '@rolecall/workflows';
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { VaultModule } from '../vault/vault.module';
import { VaultService } from '../vault/vault.service';
import { createPayloadCodec } from './payload-codec';
import { PAYLOAD_CODEC, TEMPORAL_CLIENT } from './temporal.constants';
import { temporalConfig } from './temporal-config';

@Global()
@Module({
  imports: [VaultModule],
  providers: [
    { provide: PAYLOAD_CODEC, inject: [VaultService], useFactory: createPayloadCodec },
    {
      provide: TEMPORAL_CLIENT,
      inject: [APP_CONFIG, PAYLOAD_CODEC],
      useFactory: (env: Env, codec: PayloadCodec): Client => createTemporalClient(temporalConfig(env), codec),
    },
  ],
  exports: [TEMPORAL_CLIENT, PAYLOAD_CODEC],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
