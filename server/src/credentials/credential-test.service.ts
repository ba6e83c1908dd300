import { Inject, Injectable, Logger } from '@nestjs/common';
import { createPresetClient, ErrorCode, isPresetError, redactSecrets, type CatalogPreset } from '@rolecall/presets';
import type { Actor } from '../audit/audit.schema';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { requireAuthKind, requirePreset } from './credential-preset';
import type { CreateCredential, CredentialTestOutcome, CredentialTestResult } from './credentials.schema';
import { CredentialsService } from './credentials.service';
import type { ResolvedCredential } from './resolved-credential';

/** The test is one cheap call made while an admin waits: no throttle retries, a short timeout. */
const TEST_TIMEOUT_MS = 15_000;

/** `POST /api/credentials/:id/test`: one authenticated vendor call, and wording that says why it failed. */
@Injectable()
export class CredentialTestService {
  private readonly logger = new Logger(CredentialTestService.name);

  constructor(
    private readonly credentials: CredentialsService,
    @Inject(APP_CONFIG) private readonly env: Env,
  ) {}

  /**
   * Runs the preset's cheapest authenticated call with the credential. A failure is a result
   * (ok=false, the runtime's error code and a message saying why), not an exception.
   */
  async test(id: string, actor: Actor): Promise<CredentialTestResult> {
    const result = await this.run(await this.credentials.resolveForUse(id));
    const { latencyMs: _latency, ...outcome } = result;
    await this.credentials.recordTest(id, outcome, actor);
    return result;
  }

  /** `POST /api/credentials/test`: the same call with settings not saved yet; nothing is stored. */
  testUnsaved(input: CreateCredential): Promise<CredentialTestResult> {
    return this.run(this.credentials.resolveUnsaved(input));
  }

  private async run(resolved: ResolvedCredential): Promise<CredentialTestResult> {
    const preset = requirePreset(resolved.presetId);
    const secrets = requireAuthKind(preset, resolved.authKind)
      .fields.filter((f) => f.secret)
      .map((f) => resolved.credentials[f.key] ?? '');
    const started = performance.now();
    let outcome: CredentialTestOutcome;
    try {
      const client = createPresetClient({
        ...resolved,
        allowedHosts: this.env.ROLECALL_ALLOWED_HOSTS,
        timeoutMs: TEST_TIMEOUT_MS,
        maxAttempts: 1,
        transientRetries: 0,
      });
      await client.testCredentials();
      outcome = { ok: true, message: `${preset.name} accepted the credentials (${client.baseUrl}).` };
    } catch (err) {
      outcome = this.describeFailure(err, preset, resolved, secrets);
    }
    return { ...outcome, latencyMs: Math.round(performance.now() - started) };
  }

  private describeFailure(
    err: unknown,
    preset: CatalogPreset,
    resolved: ResolvedCredential,
    secrets: string[],
  ): CredentialTestOutcome {
    if (!isPresetError(err)) {
      // Unexpected: log only the redacted message; third-party errors may embed request headers.
      this.logger.error(`credential test failed unexpectedly: ${redactSecrets(String((err as Error)?.message), secrets)}`);
      return { ok: false, code: ErrorCode.Internal, message: 'the test failed unexpectedly; the server log has the details' };
    }
    let message = err.message;
    const regionMatters = preset.regions.length > 1 && resolved.baseUrl === undefined;
    if (regionMatters && (err.code === ErrorCode.VendorAuthFailed || err.code === ErrorCode.VendorNotFound)) {
      const region = resolved.region ?? preset.regions[0]?.id;
      const others = preset.regions.filter((r) => r.id !== region).map((r) => r.id);
      message += ` Keys belong to one region: if the account is not in "${region}", set region to one of: ${others.join(', ')}.`;
    }
    return {
      ok: false,
      code: err.code,
      ...(err.status !== undefined ? { status: err.status } : {}),
      // The runtime already redacts; this is belt and braces for the one message we persist.
      message: redactSecrets(message, secrets),
    };
  }
}
