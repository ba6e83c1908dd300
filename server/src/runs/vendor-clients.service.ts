import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPresetClient, getPreset } from '@rolecall/presets';
import type { OpenedVendor, VendorClients } from '@rolecall/workflows';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { CredentialsService } from '../credentials/credentials.service';
import { IntegrationsService } from '../integrations/integrations.service';
import { createPostgresPacer, vendorAccountKey } from '../vendor-pacing/postgres-pacer';

/**
 * The VendorClients port: a preset client for a vault credential, decrypted at call time and
 * paced by the same Postgres pacer key as user loads (`<preset>:<credential>`), so one vendor
 * account has one budget across every worker, run and load. The budget is the one an integration
 * of the credential declares (the account's own quota), else the preset's published limit.
 */
@Injectable()
export class VendorClientsService implements VendorClients {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly integrations: IntegrationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly env: Env,
  ) {}

  async open(credentialId: string): Promise<OpenedVendor> {
    const [resolved, view, integrations] = await Promise.all([
      this.credentials.resolveForUse(credentialId),
      this.credentials.get(credentialId),
      this.integrations.list(),
    ]);
    const declared = integrations.find((i) => i.credentialId === credentialId && i.rateLimit)?.rateLimit;
    const budget = declared ?? getPreset(resolved.presetId).rateLimit;
    const client = createPresetClient({
      ...resolved,
      allowedHosts: this.env.ROLECALL_ALLOWED_HOSTS,
      rateLimitOverride: budget,
      limiter: createPostgresPacer(this.dataSource, vendorAccountKey(resolved.presetId, credentialId), budget),
    });
    return { client, credentialName: view.name };
  }
}
