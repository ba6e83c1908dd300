import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, findPreset, smartMapping, type FieldMapping } from '@rolecall/presets';
import { startWorkflow, userLoadContract } from '@rolecall/workflows';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { z } from 'zod';
import { AuditEvent } from '../audit/audit-event.entity';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { CredentialsService } from '../credentials/credentials.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.constants';
import { missingSettings } from './integration-readiness';
import { Integration } from './integration.entity';
import type {
  CreateIntegrationSchema,
  IntegrationView,
  LoadRunDetail,
  LoadRunView,
  UpdateIntegrationSchema,
} from './integrations.schema';
import { LoadRunError } from './load-run-error.entity';
import { LoadRun } from './load-run.entity';
import { UserLoadSchedules } from './user-load-schedules';
import { SYSTEM_ACTOR } from '../audit/system-actor';

type CreateInput = z.infer<typeof CreateIntegrationSchema>;
type UpdateInput = z.infer<typeof UpdateIntegrationSchema>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Integrations ("extended user integrations"): settings, Draft → Launch, schedules, Run now, runs. */
@Injectable()
export class IntegrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly credentials: CredentialsService,
    private readonly schedules: UserLoadSchedules,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly env: Env,
  ) {}

  async create(input: CreateInput): Promise<IntegrationView> {
    const preset = findPreset(input.presetId);
    if (!preset) {
      throw new DomainError(ErrorCode.ValidationFailed, `unknown preset "${input.presetId}"; GET /api/presets lists them`, {
        field: 'presetId',
      });
    }
    const base: Record<string, FieldMapping> = input.smartMapping
      ? (smartMapping(preset.fields).mappings as Record<string, FieldMapping>)
      : { ...preset.defaultMapping };
    const integration = this.repo().create({
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
      status: 'draft',
    });
    if (integration.credentialId) await this.checkCredential(integration.credentialId, preset.id);
    const saved = await this.save(integration);
    await this.audit('integration.created', saved.id, { name: saved.name, presetId: saved.presetId });
    return this.view(saved);
  }

  async list(): Promise<IntegrationView[]> {
    return (await this.repo().find({ order: { name: 'ASC' } })).map((i) => this.view(i));
  }

  async get(id: string): Promise<IntegrationView> {
    return this.view(await this.find(id));
  }

  async update(id: string, input: UpdateInput): Promise<IntegrationView> {
    const integration = await this.find(id);
    const { smartMapping: smart, ...changes } = input;
    Object.assign(integration, changes);
    if (smart) {
      const preset = findPreset(integration.presetId)!;
      integration.mappings = { ...(smartMapping(preset.fields).mappings as Record<string, FieldMapping>), ...input.mappings };
    }
    if (input.credentialId) await this.checkCredential(input.credentialId, integration.presetId);
    if (integration.status !== 'draft') this.assertReady(integration);
    const saved = await this.save(integration);
    if (saved.status !== 'draft') await this.schedules.upsert(saved, saved.status === 'paused');
    await this.audit('integration.updated', id, { fields: Object.keys(input) });
    return this.view(saved);
  }

  async remove(id: string): Promise<void> {
    await this.find(id);
    await this.schedules.remove(id);
    await this.repo().delete({ id });
    await this.audit('integration.deleted', id, {});
  }

  /** Draft → active: the integration's Temporal Schedule starts running loads. */
  async launch(id: string): Promise<IntegrationView> {
    const integration = await this.find(id);
    this.assertReady(integration);
    await this.schedules.upsert(integration, false);
    integration.status = 'active';
    await this.repo().update({ id }, { status: 'active' });
    await this.audit('integration.launched', id, { schedule: integration.schedule });
    return this.view(integration);
  }

  async pause(id: string): Promise<IntegrationView> {
    const integration = await this.find(id);
    if (integration.status === 'draft') throw new DomainError(ErrorCode.Conflict, 'a draft integration has no schedule to pause; launch it first');
    await this.schedules.upsert(integration, true);
    integration.status = 'paused';
    await this.repo().update({ id }, { status: 'paused' });
    await this.audit('integration.paused', id, {});
    return this.view(integration);
  }

  /** Run now: creates the run record, then starts the load workflow for it. */
  async runNow(id: string): Promise<LoadRunView> {
    const integration = await this.find(id);
    this.assertReady(integration);
    const runId = randomUUID();
    const workflowId = userLoadContract.ids.manualWorkflow(id, runId);
    const run = await this.dataSource.getRepository(LoadRun).save({
      id: runId,
      integrationId: id,
      loadKey: userLoadContract.ids.load(workflowId, runId),
      workflowId,
      trigger: 'manual',
      status: 'queued',
    });
    await startWorkflow(this.temporal, userLoadContract, {
      taskQueue: this.env.TEMPORAL_TASK_QUEUE,
      workflowId,
      input: { integrationId: id, runId, trigger: 'manual' },
    });
    await this.audit('integration.run', id, { runId });
    return toLoadRunView(await this.dataSource.getRepository(LoadRun).findOneByOrFail({ id: run.id }));
  }

  async runs(id: string): Promise<LoadRunView[]> {
    await this.find(id);
    const runs = await this.dataSource.getRepository(LoadRun).find({ where: { integrationId: id }, order: { startedAt: 'DESC' }, take: 100 });
    return runs.map(toLoadRunView);
  }

  async run(id: string, runId: string, errorsPage: number, errorsPageSize: number): Promise<LoadRunDetail> {
    const run = await this.dataSource.getRepository(LoadRun).findOneBy({ id: runId, integrationId: id });
    if (!run) throw new DomainError(ErrorCode.NotFound, `integration ${id} has no run ${runId}`);
    const [errors, errorsTotal] = await this.dataSource.getRepository(LoadRunError).findAndCount({
      where: { runId },
      order: { id: 'ASC' },
      skip: (errorsPage - 1) * errorsPageSize,
      take: errorsPageSize,
    });
    return {
      ...toLoadRunView(run),
      errors: errors.map((e) => ({ externalId: e.externalId, outcome: e.outcome, reason: e.reason, record: e.record, pageIndex: e.pageIndex })),
      errorsTotal,
      errorsPage,
    };
  }

  private assertReady(integration: Integration): void {
    const missing = missingSettings(integration);
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.Unprocessable, `integration "${integration.name}" is not ready: ${missing.join('; ')}`, { missing });
    }
  }

  private async checkCredential(credentialId: string, presetId: string): Promise<void> {
    const credential = await this.credentials.get(credentialId);
    if (credential.presetId !== presetId) {
      throw new DomainError(ErrorCode.ValidationFailed, `credential ${credentialId} is for preset "${credential.presetId}", not "${presetId}"`, {
        field: 'credentialId',
      });
    }
  }

  private async save(integration: Integration): Promise<Integration> {
    try {
      return await this.repo().save(integration);
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505') {
        throw new DomainError(ErrorCode.Conflict, `an integration named "${integration.name}" already exists`);
      }
      throw err;
    }
  }

  private async find(id: string): Promise<Integration> {
    const integration = await this.repo().findOneBy({ id });
    if (!integration) throw new DomainError(ErrorCode.NotFound, `integration ${id} does not exist`);
    return integration;
  }

  private repo() {
    return this.dataSource.getRepository(Integration);
  }

  private async audit(action: string, id: string, details: Record<string, unknown>): Promise<void> {
    const repo = this.dataSource.getRepository(AuditEvent);
    await repo.save(repo.create({ actor: SYSTEM_ACTOR, action, subjectType: 'integration', subjectId: id, details }), { reload: false });
  }

  private view(i: Integration): IntegrationView {
    const missing = missingSettings(i);
    return {
      id: i.id,
      name: i.name,
      presetId: i.presetId,
      credentialId: i.credentialId,
      appName: i.appName,
      userSelection: i.userSelection,
      preference: i.preference,
      mappings: i.mappings,
      customFields: i.customFields,
      syncKeys: i.syncKeys,
      personRole: i.personRole,
      schedule: i.schedule,
      rateLimit: i.rateLimit,
      status: i.status,
      readiness: { ready: missing.length === 0, missing },
      createdAt: i.createdAt.toISOString(),
      updatedAt: i.updatedAt.toISOString(),
    };
  }
}

function toLoadRunView(r: LoadRun): LoadRunView {
  return {
    id: r.id,
    integrationId: r.integrationId,
    workflowId: r.workflowId,
    trigger: r.trigger,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    finishedAt: iso(r.finishedAt),
    pagesDone: r.pagesDone,
    fetched: r.fetched,
    created: r.created,
    updated: r.updated,
    skipped: r.skipped,
    failed: r.failed,
    deactivated: r.deactivated,
    error: r.error,
  };
}
