import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, findPreset, smartMapping, type FieldMapping } from '@rolecall/presets';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import type { Actor } from '../audit/audit.schema';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { CredentialsService } from '../credentials/credentials.service';
import { isUniqueViolation } from '../database/postgres-errors';
import { assertReady } from './integration-readiness';
import { IntegrationRepository } from './integration.repository';
import { LoadRunRepository } from './load-run.repository';
import type { Integration } from './integration.entity';
import { toIntegrationView } from './integration-view';
import type { CreateIntegrationSchema, IntegrationView, UpdateIntegrationSchema } from './integrations.schema';
import { UserLoadSchedules } from './user-load-schedules';

type CreateInput = z.infer<typeof CreateIntegrationSchema>;
type UpdateInput = z.infer<typeof UpdateIntegrationSchema>;

/**
 * Integrations ("extended user integrations"): their settings, each write audited in its
 * transaction. Launch/pause and runs have services of their own.
 */
@Injectable()
export class IntegrationsService {
  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly credentials: CredentialsService,
    private readonly schedules: UserLoadSchedules,
    private readonly runs: LoadRunRepository,
  ) {}

  async create(input: CreateInput, actor: Actor): Promise<IntegrationView> {
    const preset = findPreset(input.presetId);
    if (!preset) {
      throw new DomainError(ErrorCode.ValidationFailed, `unknown preset "${input.presetId}"; GET /api/presets lists them`, {
        field: 'presetId',
      });
    }
    const base: Record<string, FieldMapping> = input.smartMapping
      ? (smartMapping(preset.fields, preset.defaultMapping).mappings as Record<string, FieldMapping>)
      : { ...preset.defaultMapping };
    const integration = this.integrations.build({
      name: input.name,
      presetId: preset.id,
      credentialId: input.credentialId ?? null,
      appName: input.appName ?? preset.name,
      userSelection: input.userSelection,
      preference: input.preference,
      mappings: { ...base, ...input.mappings },
      customFields: input.customFields,
      syncKeys: input.syncKeys,
      personRole: input.personRole ?? null,
      schedule: input.schedule,
      rateLimit: input.rateLimit,
      deactivationLimitPercent: input.deactivationLimitPercent,
      status: 'draft',
    });
    if (integration.credentialId) await this.checkCredential(integration.credentialId, preset.id);
    const saved = await this.save(integration, (m, row) =>
      this.record(m, actor, 'integration.created', row.id, { name: row.name, presetId: row.presetId }),
    );
    return this.view(saved);
  }

  async list(): Promise<IntegrationView[]> {
    const integrations = await this.integrations.list();
    const appIds = await this.runs.latestAppIds(integrations.map((i) => i.id));
    return integrations.map((i) => toIntegrationView(i, appIds.get(i.id) ?? null));
  }

  async get(id: string): Promise<IntegrationView> {
    return this.view(await this.find(id));
  }

  async update(id: string, input: UpdateInput, actor: Actor): Promise<IntegrationView> {
    const integration = await this.find(id);
    const { smartMapping: smart, ...changes } = input;
    Object.assign(integration, changes);
    if (smart) {
      const preset = findPreset(integration.presetId)!;
      integration.mappings = { ...(smartMapping(preset.fields, preset.defaultMapping).mappings as Record<string, FieldMapping>), ...input.mappings };
    }
    if (input.credentialId) await this.checkCredential(input.credentialId, integration.presetId);
    if (integration.status !== 'draft') assertReady(integration);
    const saved = await this.save(integration, (m) => this.record(m, actor, 'integration.updated', id, { fields: Object.keys(input) }));
    if (saved.status !== 'draft') await this.schedules.upsert(saved, saved.status === 'paused');
    return this.view(saved);
  }

  async remove(id: string, actor: Actor): Promise<void> {
    await this.find(id);
    await this.schedules.remove(id);
    await this.dataSource.transaction(async (m) => {
      await this.integrations.delete(id, m);
      await this.record(m, actor, 'integration.deleted', id, {});
    });
  }

  /** The integration's settings, for the other services of this module and for user loads. */
  /** The API view, with the app the integration loads into. */
  async view(integration: Integration): Promise<IntegrationView> {
    const appIds = await this.runs.latestAppIds([integration.id]);
    return toIntegrationView(integration, appIds.get(integration.id) ?? null);
  }

  async find(id: string): Promise<Integration> {
    const integration = await this.findOrNull(id);
    if (!integration) throw new DomainError(ErrorCode.NotFound, `integration ${id} does not exist`);
    return integration;
  }

  /** The integration's settings, or null when it is gone (e.g. deleted while a load runs). */
  findOrNull(id: string): Promise<Integration | null> {
    return this.integrations.findById(id);
  }

  /** Writes an integration's status together with its audit row. */
  async setStatus(integration: Integration, status: Integration['status'], actor: Actor, action: string, details: Record<string, unknown>): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.integrations.setStatus(integration.id, status, m);
      await this.record(m, actor, action, integration.id, details);
    });
    integration.status = status;
  }

  /** The audit row of an action on an integration, inside the caller's transaction. */
  record(manager: EntityManager, actor: Actor, action: string, id: string, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({ actor, action, subjectType: 'integration', subjectId: id, details }, manager);
  }

  /** A credential of another preset would call the wrong vendor: 400 naming both. */
  async checkCredential(credentialId: string, presetId: string): Promise<void> {
    const credential = await this.credentials.get(credentialId);
    if (credential.presetId !== presetId) {
      throw new DomainError(ErrorCode.ValidationFailed, `credential ${credentialId} is for preset "${credential.presetId}", not "${presetId}"`, {
        field: 'credentialId',
      });
    }
  }

  /** Saves the integration and its audit row in one transaction; a taken name is a 409. */
  private async save(integration: Integration, audit: (m: EntityManager, saved: Integration) => Promise<void>): Promise<Integration> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const saved = await this.integrations.save(integration, m);
        await audit(m, saved);
        return saved;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError(ErrorCode.Conflict, `an integration named "${integration.name}" already exists`);
      throw err;
    }
  }
}
