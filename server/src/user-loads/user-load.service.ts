import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPresetClient, ErrorCode, getPreset, mapRecord } from '@rolecall/presets';
import type { MappedRecord, UsersPage } from '@rolecall/presets';
import type { BeginUserLoadInput, LoadUserPagesInput, LoadUserPagesResult, UserLoadCounts, UserLoadPort } from '@rolecall/workflows';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { createPostgresPacer } from '../vendor-pacing/postgres-pacer';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { CredentialsService } from '../credentials/credentials.service';
import { Integration } from '../integrations/integration.entity';
import { LoadRunError } from '../integrations/load-run-error.entity';
import { LoadRun } from '../integrations/load-run.entity';
import { appendInventoryEvents, type NewInventoryEvent } from '../inventory/inventory-events';
import { planPage, type PagePlan } from './page-plan';
import { loadSource, UserLoadRepository, type LoadScope } from './user-load.repository';

interface Skip {
  record: MappedRecord;
  reason: string;
  outcome: 'skipped' | 'failed';
}

/**
 * Runs the steps of a user load for the Temporal activities (UserLoadPort). Every step is
 * idempotent: a page is applied in one transaction together with the run's progress, so a page
 * retried after a crash is recognised and not applied or counted twice.
 */
@Injectable()
export class UserLoadService implements UserLoadPort {
  private readonly logger = new Logger(UserLoadService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: UserLoadRepository,
    private readonly credentials: CredentialsService,
    @Inject(APP_CONFIG) private readonly env: Env,
  ) {}

  async begin(input: BeginUserLoadInput & { loadKey: string; workflowId: string }): Promise<{ runId: string }> {
    const integration = await this.integration(input.integrationId);
    const [app] = await this.dataSource.query(
      `INSERT INTO saas_app (name, preset_id) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [integration.appName, integration.presetId],
    );
    const runs = this.dataSource.getRepository(LoadRun);
    if (input.runId) {
      await runs.update({ id: input.runId, status: 'queued' }, { status: 'running', appId: app.id, startedAt: new Date() });
      return { runId: input.runId };
    }
    await runs
      .createQueryBuilder()
      .insert()
      .values({ integrationId: integration.id, loadKey: input.loadKey, workflowId: input.workflowId, trigger: input.trigger, status: 'running', appId: app.id })
      .orIgnore()
      .execute();
    const run = await runs.findOneByOrFail({ loadKey: input.loadKey });
    return { runId: run.id };
  }

  /**
   * Applies up to `maxPages` pages, resuming from the run's stored progress (never from what the
   * workflow believes), each page in one transaction with that progress. While a page is being
   * written the next one is already being fetched, so the vendor and Postgres work in parallel.
   */
  async loadPages({ runId, maxPages }: LoadUserPagesInput): Promise<LoadUserPagesResult> {
    const run = await this.run(runId);
    if (run.pagesDone > 0 && run.nextCursor === null) return { done: true, pagesDone: run.pagesDone };
    const integration = await this.integration(run.integrationId);
    const credential = await this.credentials.resolveForUse(integration.credentialId ?? '');
    // The vendor's budget belongs to the credential and holds across every worker of the deployment.
    const budget = integration.rateLimit ?? getPreset(integration.presetId).rateLimit;
    const client = createPresetClient({
      ...credential,
      allowedHosts: this.env.ROLECALL_ALLOWED_HOSTS,
      rateLimitOverride: budget,
      limiter: createPostgresPacer(this.dataSource, `${integration.presetId}:${integration.credentialId}`, budget),
    });
    const fetchPage = (cursor: string | undefined): Promise<UsersPage> => {
      const pending = client.listUsersPage(cursor);
      pending.catch(() => undefined); // awaited below; a prefetch nobody awaits must not crash the worker
      return pending;
    };

    let pageIndex = run.pagesDone;
    let next = fetchPage(run.nextCursor ?? undefined);
    for (let applied = 0; ; applied++) {
      const page = await next;
      const more = page.nextCursor !== undefined && applied + 1 < maxPages;
      if (more) next = fetchPage(page.nextCursor);
      const stored = await this.applyPageOnce(integration, runId, pageIndex, page);
      if (stored.nextCursor === null) return { done: true, pagesDone: stored.pagesDone };
      // Another attempt (a retry racing a slow zombie) moved the run on: our prefetched page no
      // longer follows the stored cursor, so stop and let the next activity resume from the database.
      if (!more || stored.pagesDone !== pageIndex + 1) return { done: false, pagesDone: stored.pagesDone };
      pageIndex = stored.pagesDone;
    }
  }

  /** Applies one page unless a previous attempt already did; returns the run's stored progress. */
  private async applyPageOnce(
    integration: Integration,
    runId: string,
    pageIndex: number,
    page: UsersPage,
  ): Promise<{ pagesDone: number; nextCursor: string | null }> {
    return this.dataSource.transaction(async (m) => {
      const locked = await m.findOneOrFail(LoadRun, { where: { id: runId }, lock: { mode: 'pessimistic_write' } });
      if (locked.pagesDone !== pageIndex) return { pagesDone: locked.pagesDone, nextCursor: locked.nextCursor };
      const scope: LoadScope = { appId: locked.appId!, integrationId: integration.id, runId };
      const counts = await this.applyPage(m, scope, integration, pageIndex, page.users);
      const nextCursor = page.nextCursor ?? null;
      await m.update(LoadRun, { id: runId }, {
        pagesDone: () => 'pages_done + 1',
        nextCursor,
        fetched: () => `fetched + ${page.users.length}`,
        created: () => `created + ${counts.created}`,
        updated: () => `updated + ${counts.updated}`,
        skipped: () => `skipped + ${counts.skipped}`,
        failed: () => `failed + ${counts.failed}`,
        deactivated: () => `deactivated + ${counts.deactivated}`,
      });
      return { pagesDone: pageIndex + 1, nextCursor };
    });
  }

  async finish({ runId }: { runId: string }): Promise<UserLoadCounts> {
    return this.dataSource.transaction(async (m) => {
      const run = await m.findOneOrFail(LoadRun, { where: { id: runId }, lock: { mode: 'pessimistic_write' } });
      if (run.status === 'running') {
        // Deactivating "missing" users after a partial listing would deactivate real ones.
        if (run.pagesDone === 0 || run.nextCursor !== null) {
          throw new DomainError(ErrorCode.Conflict, `run ${runId} has not listed every vendor page yet; it cannot finish`);
        }
        const integration = await this.integration(run.integrationId);
        // Absence means "gone" only for SaaS users, and a create-only load promises not to touch existing ones.
        const deactivated =
          integration.userSelection === 'user_plus_saas_user' && integration.preference !== 'create_only'
            ? await this.repo.deactivateMissing(m, { appId: run.appId!, integrationId: integration.id, runId })
            : 0;
        await m.update(LoadRun, { id: runId }, {
          status: 'completed',
          finishedAt: new Date(),
          deactivated: () => `deactivated + ${deactivated}`,
        });
      }
      const done = await m.findOneByOrFail(LoadRun, { id: runId });
      return { fetched: done.fetched, created: done.created, updated: done.updated, skipped: done.skipped, failed: done.failed, deactivated: done.deactivated };
    });
  }

  async fail({ runId, message }: { runId: string; message: string }): Promise<void> {
    await this.dataSource
      .getRepository(LoadRun)
      .update({ id: runId, status: 'running' }, { status: 'failed', finishedAt: new Date(), error: message });
    this.logger.warn(`user load run ${runId} failed: ${message}`);
  }

  private async applyPage(
    m: EntityManager,
    scope: LoadScope,
    integration: Integration,
    pageIndex: number,
    users: readonly Record<string, unknown>[],
  ): Promise<{ created: number; updated: number; skipped: number; failed: number; deactivated: number }> {
    const valid: MappedRecord[] = [];
    const problems: Skip[] = [];
    for (const user of users) {
      const mapped = mapRecord(user, integration.mappings, integration.customFields);
      if (mapped.ok) valid.push(mapped.record);
      else problems.push({ record: mapped.record, reason: mapped.reason, outcome: 'failed' });
    }
    const counts = { created: 0, updated: 0, skipped: 0, failed: 0, deactivated: 0 };
    if (integration.userSelection === 'user') {
      const existing = await this.repo.findPeopleByEmail(m, valid.flatMap((r) => (r.email ? [r.email] : [])));
      const plan = planPage(valid, integration.syncKeys, integration.preference, existing);
      counts.created = await this.repo.insertPeople(m, integration.id, integration.personRole, plan.creates);
      counts.updated = await this.repo.updatePeople(m, plan.updates);
      problems.push(...plan.skips.map((s) => ({ ...s, outcome: 'skipped' as const })));
    } else {
      const plan = await this.planSaasUsers(m, scope, integration, valid, problems);
      await this.writeSaasUsers(m, scope, integration, plan, counts);
      await this.repo.markSeen(m, scope, problems.flatMap((p) => (p.record.externalId ? [p.record.externalId] : [])));
    }
    counts.skipped = problems.filter((p) => p.outcome === 'skipped').length;
    counts.failed = problems.filter((p) => p.outcome === 'failed').length;
    if (problems.length > 0) {
      const rows = m.getRepository(LoadRunError).create(
        problems.map((p) => ({ runId: scope.runId, pageIndex, externalId: p.record.externalId, outcome: p.outcome, reason: p.reason, record: { ...p.record } })),
      );
      await m.save(LoadRunError, rows, { reload: false });
    }
    return counts;
  }

  private async planSaasUsers(m: EntityManager, scope: LoadScope, integration: Integration, valid: MappedRecord[], problems: Skip[]): Promise<PagePlan> {
    const existing = await this.repo.findSaasUsers(m, scope.appId, valid, integration.syncKeys);
    const plan = planPage(valid, integration.syncKeys, integration.preference, existing);
    problems.push(...plan.skips.map((s) => ({ ...s, outcome: 'skipped' as const })));
    // A SaaS user is identified by the vendor's id within its app: without it there is nothing to create.
    plan.creates = plan.creates.filter((record) => {
      if (record.externalId) return true;
      problems.push({ record, reason: 'missing external id: cannot create a SaaS user without the vendor id', outcome: 'failed' });
      return false;
    });
    return plan;
  }

  private async writeSaasUsers(
    m: EntityManager,
    scope: LoadScope,
    integration: Integration,
    plan: PagePlan,
    counts: { created: number; updated: number; deactivated: number },
  ): Promise<void> {
    const source = loadSource(scope);
    const people = await this.repo.upsertPeopleFor(m, integration.id, integration.personRole, integration.preference, [
      ...plan.creates,
      ...plan.updates.map((u) => u.record),
    ]);
    const inserted = await this.repo.insertSaasUsers(m, scope, plan.creates, people);
    const updated = await this.repo.updateSaasUsers(m, scope, plan.updates, people);
    // saasUser.created events were written with the rows; status changes are announced here.
    const events: NewInventoryEvent[] = [];
    for (const row of updated) {
      if (row.previous === row.status) continue;
      const deactivated = row.status === 'deactivated';
      if (deactivated) counts.deactivated++;
      events.push({ type: deactivated ? 'saasUser.deactivated' : 'saasUser.reactivated', appId: scope.appId, saasUserId: row.id, personId: row.personId, source });
    }
    counts.created = inserted.filter((r) => r.inserted).length;
    counts.updated = updated.length + inserted.length - counts.created;
    await appendInventoryEvents(m, events);
  }

  private async run(id: string): Promise<LoadRun> {
    const run = await this.dataSource.getRepository(LoadRun).findOneBy({ id });
    if (!run) throw new DomainError(ErrorCode.NotFound, `integration run ${id} does not exist`);
    return run;
  }

  private async integration(id: string): Promise<Integration> {
    const integration = await this.dataSource.getRepository(Integration).findOneBy({ id });
    if (!integration) throw new DomainError(ErrorCode.NotFound, `integration ${id} does not exist (deleted while loading?)`);
    return integration;
  }
}
