import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createPresetClient, ErrorCode, isPresetError, redactSecrets, type CatalogPreset } from '@rolecall/presets';
import { DataSource, QueryFailedError, type EntityManager, type Repository } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { VaultService } from '../vault/vault.service';
import { Credential } from './credential.entity';
import { checkTarget, masksOf, requireAuthKind, requirePreset, splitFields } from './credential-preset';
import { openSecrets, sealSecrets } from './credential-secrets';
import type {
  CreateCredential,
  CredentialTestOutcome,
  CredentialTestResult,
  CredentialView,
  UpdateCredential,
} from './credentials.schema';
import { SYSTEM_ACTOR } from '../audit/system-actor';

/**
 * A credential ready for a vendor call, shaped to spread into `createPresetClient` options.
 * Holds secrets: hand it to the preset runtime, never log, persist or put it in a Temporal payload.
 */
export interface ResolvedCredential {
  presetId: string;
  /** Absent = the preset's default region. */
  region?: string;
  /** Absent = the region's base URL. */
  baseUrl?: string;
  authKind: string;
  /** Every field value by key, secrets decrypted. */
  credentials: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The test is one cheap call made while an admin waits: no throttle retries, a short timeout. */
const TEST_TIMEOUT_MS = 15_000;

function pgErrorCode(err: unknown): string | undefined {
  return err instanceof QueryFailedError ? (err.driverError as { code?: string }).code : undefined;
}

function toView(row: Credential): CredentialView {
  return {
    id: row.id,
    name: row.name,
    presetId: row.presetId,
    authKind: row.authKind,
    region: row.region,
    baseUrl: row.baseUrl,
    settings: row.settings,
    masks: row.masks,
    lastTestedAt: row.lastTestedAt?.toISOString() ?? null,
    lastTestResult: row.lastTestResult,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The credential vault's API: CRUD with write-only secrets, the credential test, and
 * `resolveForUse`, the one way the rest of the server (and activities) read a secret.
 */
@Injectable()
export class CredentialsService {
  private readonly logger = new Logger(CredentialsService.name);

  constructor(
    @InjectRepository(Credential) private readonly credentials: Repository<Credential>,
    private readonly dataSource: DataSource,
    private readonly vault: VaultService,
    @Inject(APP_CONFIG) private readonly env: Env,
  ) {}

  async list(filter: { presetId?: string } = {}): Promise<CredentialView[]> {
    const rows = await this.credentials.find({ where: filter.presetId ? { presetId: filter.presetId } : {} });
    return rows.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })).map(toView);
  }

  async get(id: string): Promise<CredentialView> {
    return toView(await this.find(id));
  }

  async create(input: CreateCredential): Promise<CredentialView> {
    const preset = requirePreset(input.presetId);
    const auth = requireAuthKind(preset, input.authKind);
    const target = { authKind: auth.id, region: input.region ?? null, baseUrl: input.baseUrl ?? null };
    checkTarget(preset, target);
    const { secrets, settings } = splitFields(preset, auth, input.fields);
    const id = randomUUID();
    const sealed = sealSecrets(this.vault, id, secrets);
    const row = this.credentials.create({
      id,
      name: input.name,
      presetId: preset.id,
      ...target,
      ...sealed,
      masks: masksOf(secrets),
      settings,
      lastTestedAt: null,
      lastTestResult: null,
    });
    await this.write(input.name, async (manager) => {
      await manager.insert(Credential, row);
      await this.audit(manager, 'credential.created', id, {
        name: input.name,
        presetId: preset.id,
        authKind: auth.id,
        fields: Object.keys({ ...secrets, ...settings }),
      });
    });
    return this.get(id);
  }

  async update(id: string, patch: UpdateCredential): Promise<CredentialView> {
    this.assertId(id);
    await this.write(patch.name, async (manager) => {
      // Locked so that two concurrent field edits merge instead of one overwriting the other.
      const row = await manager.findOne(Credential, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw this.notFound(id);
      const preset = requirePreset(row.presetId);
      const changed: string[] = [];
      if (patch.name !== undefined && patch.name !== row.name) {
        row.name = patch.name;
        changed.push('name');
      }
      const target = {
        authKind: patch.authKind ?? row.authKind,
        region: patch.region !== undefined ? patch.region : row.region,
        baseUrl: patch.baseUrl !== undefined ? patch.baseUrl : row.baseUrl,
      };
      const auth = requireAuthKind(preset, target.authKind);
      checkTarget(preset, target);
      for (const key of ['authKind', 'region', 'baseUrl'] as const) {
        if (target[key] !== row[key]) changed.push(key);
      }
      Object.assign(row, target);
      if (patch.fields !== undefined || changed.includes('authKind')) {
        changed.push(...this.replaceFields(row, preset, auth, patch.fields ?? {}));
      }
      if (changed.some((c) => c !== 'name')) {
        // The last test said something about the old connection settings, not these.
        row.lastTestedAt = null;
        row.lastTestResult = null;
      }
      if (changed.length === 0) return;
      await manager.save(Credential, row);
      await this.audit(manager, 'credential.updated', id, { name: row.name, changed });
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    this.assertId(id);
    await this.write(undefined, async (manager) => {
      const row = await manager.findOne(Credential, { where: { id }, select: { id: true, name: true, presetId: true } });
      if (!row) throw this.notFound(id);
      await manager.delete(Credential, { id });
      await this.audit(manager, 'credential.deleted', id, { name: row.name, presetId: row.presetId });
    });
  }

  /** Decrypts a credential for a vendor call. The only way to read a secret. */
  async resolveForUse(id: string): Promise<ResolvedCredential> {
    const row = await this.find(id);
    const secrets = openSecrets(this.vault, row);
    return {
      presetId: row.presetId,
      authKind: row.authKind,
      ...(row.region !== null ? { region: row.region } : {}),
      ...(row.baseUrl !== null ? { baseUrl: row.baseUrl } : {}),
      credentials: { ...row.settings, ...secrets },
    };
  }

  /**
   * Runs the preset's cheapest authenticated call with the credential. A failure is a result
   * (ok=false, the runtime's error code and a message saying why), not an exception.
   */
  async test(id: string): Promise<CredentialTestResult> {
    const resolved = await this.resolveForUse(id);
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
    const latencyMs = Math.round(performance.now() - started);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        Credential,
        { id },
        // A test is not an edit of the credential: updated_at stays.
        { lastTestedAt: new Date(), lastTestResult: outcome, updatedAt: () => '"updated_at"' },
      );
      await this.audit(manager, 'credential.tested', id, { ok: outcome.ok, ...(outcome.code ? { code: outcome.code } : {}) });
    });
    return { ...outcome, latencyMs };
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

  /**
   * Merges given field values into the credential (empty string clears), re-checks them against
   * the auth kind and re-seals the secrets under the current key. Returns what changed (field keys only).
   */
  private replaceFields(
    row: Credential,
    preset: CatalogPreset,
    auth: CatalogPreset['authKinds'][number],
    given: Record<string, string>,
  ): string[] {
    const secretKeys = auth.fields.filter((f) => f.secret).map((f) => f.key);
    const replacesAllSecrets = secretKeys.every((k) => given[k]?.trim());
    let oldSecrets: Record<string, string>;
    try {
      oldSecrets = openSecrets(this.vault, row);
    } catch (err) {
      // Re-entering every secret is how an admin recovers a damaged or orphaned secret.
      if (!replacesAllSecrets) throw err;
      oldSecrets = {};
    }
    const known = new Set(auth.fields.map((f) => f.key));
    const current = Object.fromEntries(Object.entries({ ...row.settings, ...oldSecrets }).filter(([k]) => known.has(k)));
    const { secrets, settings } = splitFields(preset, auth, { ...current, ...given });
    const before = { ...row.settings, ...oldSecrets };
    const after = { ...settings, ...secrets };
    const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((k) => before[k] !== after[k])
      .map((k) => `fields.${k}`);
    Object.assign(row, sealSecrets(this.vault, row.id, secrets), { masks: masksOf(secrets), settings });
    return changed;
  }

  private async find(id: string): Promise<Credential> {
    this.assertId(id);
    const row = await this.credentials.findOneBy({ id });
    if (!row) throw this.notFound(id);
    return row;
  }

  private assertId(id: string): void {
    if (!UUID.test(id)) throw this.notFound(id);
  }

  private notFound(id: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `no credential with id "${id}"`);
  }

  /** Runs a write in a transaction, turning constraint violations into 409s that say what to do. */
  private async write(name: string | undefined, work: (manager: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.dataSource.transaction(work);
    } catch (err) {
      const code = pgErrorCode(err);
      if (code === '23505') {
        throw new DomainError(ErrorCode.Conflict, `a credential named "${name}" already exists (names are case-insensitive); choose another name`);
      }
      if (code === '23503') {
        throw new DomainError(ErrorCode.Conflict, 'the credential is still used (e.g. by an integration or workflow); remove those uses first');
      }
      throw err;
    }
  }

  private async audit(manager: EntityManager, action: string, subjectId: string, details: Record<string, unknown>): Promise<void> {
    await manager.save(AuditEvent, manager.create(AuditEvent, { actor: SYSTEM_ACTOR, action, subjectType: 'credential', subjectId, details }));
  }
}
