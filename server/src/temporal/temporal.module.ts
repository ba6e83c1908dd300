import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createTemporalClient } from '@rolecall/workflows';
import type { Client } from '@temporalio/client';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { TEMPORAL_CLIENT } from './temporal.constants';
import { temporalConfig } from './temporal-config';

@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (env: Env): Client => createTemporalClient(temporalConfig(env)),
    },
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
