import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@rolecall/presets';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../audit/audit.schema';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { VaultService } from '../vault/vault.service';
import type { Credential } from './credential.entity';
import { replaceFields, requireEverySecret } from './credential-fields';
import { checkTarget, masksOf, requireAuthKind, requirePreset, splitFields } from './credential-preset';
import { CredentialRepository } from './credential.repository';
import { credentialTarget, openSecrets, sealSecrets } from './credential-secrets';
import { toCredentialView } from './credential-view';
import { credentialWriteError } from './credential-write-error';
import type { CreateCredential, CredentialTestOutcome, CredentialView, UpdateCredential } from './credentials.schema';
import type { ResolvedCredential } from './resolved-credential';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The credential vault's API: CRUD with write-only secrets, each write audited in its
 * transaction, and `resolveForUse`, the one way the rest of the server (and activities) read a secret.
 */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly credentials: CredentialRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: VaultService,
  ) {}

  async list(filter: { presetId?: string } = {}): Promise<CredentialView[]> {
    const rows = await this.credentials.list(filter);
    return rows.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })).map(toCredentialView);
  }

  async get(id: string): Promise<CredentialView> {
    return toCredentialView(await this.find(id));
  }

  async create(input: CreateCredential, actor: Actor): Promise<CredentialView> {
    const { preset, auth, target, secrets, settings } = checkNew(input);
    const id = randomUUID();
    const row = {
      id,
      name: input.name,
      presetId: preset.id,
      ...target,
      ...sealSecrets(this.vault, { id, presetId: preset.id, ...target }, secrets),
      masks: masksOf(secrets),
      settings,
      lastTestedAt: null,
      lastTestResult: null,
    };
    await this.write(input.name, async (manager) => {
      await this.credentials.insert(row, manager);
      await this.record(manager, actor, 'credential.created', id, {
        name: input.name,
        presetId: preset.id,
        authKind: auth.id,
        fields: Object.keys({ ...secrets, ...settings }),
      });
    });
    return this.get(id);
  }

  async update(id: string, patch: UpdateCredential, actor: Actor): Promise<CredentialView> {
    this.assertId(id);
    await this.write(patch.name, async (manager) => {
      const row = await this.credentials.findForUpdate(id, manager);
      if (!row) throw this.notFound(id);
      const preset = requirePreset(row.presetId);
      const previous = { ...row };
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
      // Another host, region or auth kind: the stored secrets must not follow (they would be
      // sent to whatever the new target is), so every secret is entered again and re-sealed.
      const moves = changed.includes('authKind') || credentialTarget(previous) !== credentialTarget(row);
      if (moves) requireEverySecret(preset, auth, patch.fields ?? {});
      if (patch.fields !== undefined || moves) {
        changed.push(...replaceFields(this.vault, previous, row, preset, auth, patch.fields ?? {}));
      }
      if (changed.some((c) => c !== 'name')) {
        // The last test said something about the old connection settings, not these.
        row.lastTestedAt = null;
        row.lastTestResult = null;
      }
      if (changed.length === 0) return;
      await this.credentials.save(row, manager);
      await this.record(manager, actor, 'credential.updated', id, { name: row.name, changed });
    });
    return this.get(id);
  }

  async remove(id: string, actor: Actor): Promise<void> {
    this.assertId(id);
    await this.write(undefined, async (manager) => {
      const row = await this.credentials.findSummary(id, manager);
      if (!row) throw this.notFound(id);
      await this.credentials.delete(id, manager);
      await this.record(manager, actor, 'credential.deleted', id, { name: row.name, presetId: row.presetId });
    });
  }

  /**
   * A credential not stored yet, checked exactly as `create` checks it, for a test before saving.
   * Holds the secrets just typed: hand it to the preset runtime only.
   */
  resolveUnsaved(input: CreateCredential): ResolvedCredential {
    const { preset, auth, target, secrets, settings } = checkNew(input);
    return {
      presetId: preset.id,
      authKind: auth.id,
      ...(target.region !== null ? { region: target.region } : {}),
      ...(target.baseUrl !== null ? { baseUrl: target.baseUrl } : {}),
      credentials: { ...settings, ...secrets },
    };
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

  /** Stores the outcome of a credential test, with its audit row. */
  async recordTest(id: string, outcome: CredentialTestOutcome, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.credentials.recordTest(id, outcome, manager);
      await this.record(manager, actor, 'credential.tested', id, { ok: outcome.ok, ...(outcome.code ? { code: outcome.code } : {}) });
    });
  }

  private async find(id: string): Promise<Credential> {
    this.assertId(id);
    const row = await this.credentials.findById(id);
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
      throw credentialWriteError(err, name);
    }
  }

  private record(manager: EntityManager, actor: Actor, action: string, subjectId: string, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({ actor, action, subjectType: 'credential', subjectId, details }, manager);
  }
}

/** The preset, auth kind, target and split fields of a new credential; throws what is wrong. */
function checkNew(input: CreateCredential) {
  const preset = requirePreset(input.presetId);
  const auth = requireAuthKind(preset, input.authKind);
  const target = { authKind: auth.id, region: input.region ?? null, baseUrl: input.baseUrl ?? null };
  checkTarget(preset, target);
  return { preset, auth, target, ...splitFields(preset, auth, input.fields) };
}
