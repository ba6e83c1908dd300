import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { systemActor } from '../audit/system-actor';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { CredentialsService } from '../credentials/credentials.service';
import { IntegrationLifecycleService } from '../integrations/integration-lifecycle.service';
import { LoadRunsService } from '../integrations/load-runs.service';
import { IntegrationsService } from '../integrations/integrations.service';

const SimulatorStateSchema = z.record(z.string(), z.object({ url: z.url(), credentials: z.record(z.string(), z.string()) }));

/** The vendors whose users the demo loads; all five simulators still get a credential. */
const DEMO_LOADS = ['litmos', 'lever', 'planhat'] as const;

/**
 * `npm start` runs the vendor simulators and points ROLECALL_DEMO_SIMULATORS_FILE at their URLs
 * and demo credentials. On a fresh installation (no credentials yet) this creates a credential per
 * simulator and a launched daily user load for Litmos, Lever and Planhat, and runs each once, so a
 * newcomer sees a filled inventory within a minute. It never touches a configured installation.
 */
@Injectable()
export class DemoSetupService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSetupService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly env: Env,
    private readonly credentials: CredentialsService,
    private readonly integrations: IntegrationsService,
    private readonly lifecycle: IntegrationLifecycleService,
    private readonly runs: LoadRunsService,
  ) {}

  onApplicationBootstrap(): void {
    const file = this.env.ROLECALL_DEMO_SIMULATORS_FILE;
    if (!file) return;
    // In the background: the API must not wait for Temporal to accept the first runs.
    void this.setUp(file).catch((err: unknown) => this.logger.warn(`demo setup skipped: ${(err as Error).message}`));
  }

  async setUp(file: string): Promise<void> {
    if (!existsSync(file)) return;
    if ((await this.credentials.list()).length > 0) return;
    const actor = systemActor('demo');
    const simulators = SimulatorStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    for (const [presetId, sim] of Object.entries(simulators)) {
      const credential = await this.credentials.create({
        name: `Demo ${presetId} (simulator)`,
        presetId,
        baseUrl: sim.url,
        fields: sim.credentials,
      }, actor);
      if (!(DEMO_LOADS as readonly string[]).includes(presetId)) continue;
      const integration = await this.integrations.create({
        name: `Demo ${presetId} users`,
        presetId,
        credentialId: credential.id,
        userSelection: 'user_plus_saas_user',
        preference: 'create_update',
        smartMapping: false,
        customFields: [],
        syncKeys: [{ field: 'externalId', priority: 1 }],
        schedule: { kind: 'interval', every: '1d', timezone: 'UTC' },
        rateLimit: null,
        deactivationLimitPercent: 10,
      }, actor);
      await this.lifecycle.launch(integration.id, actor);
      await this.runs.runNow(integration.id, actor);
    }
    this.logger.log(`demo set up: credentials for ${Object.keys(simulators).join(', ')}; loads started for ${DEMO_LOADS.join(', ')}`);
  }
}
