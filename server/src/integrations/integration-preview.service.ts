import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPresetClient, ErrorCode, getPreset, isPresetError, mapRecord } from '@rolecall/presets';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { CredentialsService } from '../credentials/credentials.service';
import { createPostgresPacer, vendorAccountKey } from '../vendor-pacing/postgres-pacer';
import type { IntegrationPreview, IntegrationPreviewRequestSchema } from './integrations.schema';
import { IntegrationsService } from './integrations.service';
import type { z } from 'zod';

/** Enough records to judge a mapping at a glance. */
const PREVIEW_RECORDS = 5;

/** Maps the first vendor users with settings the admin has not saved yet (the wizard's Mappings step). */
@Injectable()
export class IntegrationPreviewService {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly credentials: CredentialsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly env: Env,
  ) {}

  async preview(input: z.infer<typeof IntegrationPreviewRequestSchema>): Promise<IntegrationPreview> {
    await this.integrations.checkCredential(input.credentialId, input.presetId);
    const preset = getPreset(input.presetId);
    // The preview spends the same vendor budget as loads do, so it waits its turn like them.
    const client = createPresetClient({
      ...(await this.credentials.resolveForUse(input.credentialId)),
      allowedHosts: this.env.ROLECALL_ALLOWED_HOSTS,
      limiter: createPostgresPacer(this.dataSource, vendorAccountKey(preset.id, input.credentialId), preset.rateLimit),
    });
    try {
      const page = await client.listUsersPage(undefined);
      return {
        records: page.users.slice(0, PREVIEW_RECORDS).map((user) => {
          const result = mapRecord(user, input.mappings, input.customFields);
          return { ok: result.ok, reason: result.ok ? null : result.reason, record: result.record };
        }),
        more: page.users.length > PREVIEW_RECORDS || page.nextCursor !== undefined,
      };
    } catch (err) {
      if (!isPresetError(err)) throw err;
      throw new DomainError(ErrorCode.Unprocessable, `the preview could not list users: ${err.message}`, { code: err.code });
    }
  }
}
