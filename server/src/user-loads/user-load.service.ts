import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPresetClient, ErrorCode, getPreset, mapRecord } from '@rolecall/presets';
import type { MappedRecord, UsersPage } from '@rolecall/presets';
import type {
  BeginUserLoadInput,
  BeginUserLoadResult,
  FinishUserLoadInput,
  FinishUserLoadResult,
  LoadUserPagesInput,
  LoadUserPagesResult,
  UserLoadCounts,
  UserLoadPort,
} from '@rolecall/workflows';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { createPostgresPacer, vendorAccountKey } from '../vendor-pacing/postgres-pacer';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { CredentialsService } from '../credentials/credentials.service';
import type { Integration } from '../integrations/integration.entity';
import type { LoadSettings } from '../integrations/integrations.schema';
import { loadSettingsOf } from '../integrations/load-settings';
import type { LoadRun } from '../integrations/load-run.entity';
import { LoadRunRecorder } from '../integrations/load-run-recorder.service';
import { IntegrationsService } from '../integrations/integrations.service';
import { InventoryWriter } from '../inventory/inventory-writer.service';
import type { LoadScope } from '../inventory/load-scope';
import { keyValue, planPage, type PagePlan } from './page-plan';
import type { SyncKeyField } from '../integrations/integrations.schema';
import { loadKeyId, type LoadKey } from '../inventory/load-key';
import { pagesWithinTimeout } from './pages-within-timeout';

/** What a run's steps know of its integration: the id and the settings snapshotted at begin. */
type RunIntegration = LoadSettings & { id: string };

function countsOf(run: LoadRun): UserLoadCounts {
  return { fetched: run.fetched, created: run.created, updated: run.updated, skipped: run.skipped, failed: run.failed, deactivated: run.deactivated };
}

/** The settings the run began with: it reads nothing else, so an edit mid-run changes only the next run. */
function settingsOf(run: LoadRun): LoadSettings {
  if (!run.settings) throw new DomainError(ErrorCode.Conflict, `run ${run.id} has not begun: it has no settings to load with`);
  return run.settings;
}

/** What one page adds to its run's counts. */
type PageCounts = Omit<UserLoadCounts, 'fetched'> & { unchanged: number };

/** A record that goes to the run's error log instead of the inventory. */
interface Problem {
  externalId: string | null;
  record: Record<string, unknown> | null;
  reason: string;
  outcome: 'skipped' | 'failed';
}

const problem = (record: MappedRecord, reason: string, outcome: Problem['outcome']): Problem => ({
  externalId: record.externalId,
  record: { ...record },
  reason,
  outcome,
});

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
    private readonly inventory: InventoryWriter,
    private readonly runs: LoadRunRecorder,
    private readonly integrations: IntegrationsService,
    private readonly credentials: CredentialsService,
    @Inject(APP_CONFIG) private readonly env: Env,
  ) {}

  async begin(input: BeginUserLoadInput & { loadKey: string; workflowId: string }): Promise<BeginUserLoadResult> {
    const integration = await this.integration(input.integrationId);
    const appId = await this.inventory.ensureApp({ presetId: integration.presetId, credentialId: integration.credentialId, name: integration.appName });
    return this.runs.start({
      integrationId: integration.id,
      loadKey: input.loadKey,
      workflowId: input.workflowId,
      trigger: input.trigger,
      appId,
      settings: loadSettingsOf(integration),
      ...(input.runId ? { runId: input.runId } : {}),
    });
  }

  /**
   * Applies up to `maxPages` pages, resuming from the run's stored progress (never from what the
   * workflow believes), each page in one transaction with that progress. While a page is being
   * written the next one is already being fetched, so the vendor and Postgres work in parallel.
   * At a low vendor rate limit fewer pages are applied, so that they fit the activity's timeout.
   */
  async loadPages({ runId, maxPages, timeoutMs }: LoadUserPagesInput & { timeoutMs: number }): Promise<LoadUserPagesResult> {
    const run = await this.runs.get(runId);
    if (run.pagesDone > 0 && run.nextCursor === null) return { done: true, pagesDone: run.pagesDone };
    const settings = settingsOf(run);
    const integration = { id: run.integrationId, ...settings };
    const credentialId = settings.credentialId ?? '';
    const credential = await this.credentials.resolveForUse(credentialId);
    // The vendor's budget belongs to the credential and holds across every worker of the deployment.
    const budget = settings.rateLimit ?? getPreset(settings.presetId).rateLimit;
    const client = createPresetClient({
      ...credential,
      allowedHosts: this.env.ROLECALL_ALLOWED_HOSTS,
      rateLimitOverride: budget,
      limiter: createPostgresPacer(this.dataSource, vendorAccountKey(settings.presetId, credentialId), budget),
    });
    const fetchPage = (cursor: string | undefined): Promise<UsersPage> => {
      const pending = client.listUsersPage(cursor);
      pending.catch(() => undefined); // awaited below; a prefetch nobody awaits must not crash the worker
      return pending;
    };
    const pages = pagesWithinTimeout(maxPages, budget, timeoutMs);

    let pageIndex = run.pagesDone;
    let next = fetchPage(run.nextCursor ?? undefined);
    for (let applied = 0; ; applied++) {
      const page = await next;
      const more = page.nextCursor !== undefined && applied + 1 < pages;
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
    integration: RunIntegration,
    runId: string,
    pageIndex: number,
    page: UsersPage,
  ): Promise<{ pagesDone: number; nextCursor: string | null }> {
    return this.dataSource.transaction(async (m) => {
      const locked = await this.runs.lock(runId, m);
      if (locked.pagesDone !== pageIndex) return { pagesDone: locked.pagesDone, nextCursor: locked.nextCursor };
      const scope: LoadScope = { appId: locked.appId!, integrationId: integration.id, runId };
      const counts = await this.applyPage(m, scope, integration, pageIndex, page);
      const nextCursor = page.nextCursor ?? null;
      await this.runs.addPage(runId, { nextCursor, fetched: page.users.length, ...counts }, m);
      return { pagesDone: pageIndex + 1, nextCursor };
    });
  }

  /**
   * Completes a run that listed every page: deactivates the users it did not see, unless that is
   * more than the integration's share of the app's users: then the run is held for an admin's
   * `decision` (deactivate, or skip and complete without deactivating). Reads only the run's own
   * row and settings through the transaction, so it needs no second pool connection.
   */
  async finish({ runId, decision }: FinishUserLoadInput): Promise<FinishUserLoadResult> {
    return this.dataSource.transaction(async (m): Promise<FinishUserLoadResult> => {
      const run = await this.runs.lock(runId, m);
      if (run.status === 'completed' || run.status === 'completed_with_warnings' || run.status === 'failed') return { status: 'completed', counts: countsOf(run) };
      // Deactivating "missing" users after a partial listing would deactivate real ones.
      if (run.pagesDone === 0 || run.nextCursor !== null) {
        throw new DomainError(ErrorCode.Conflict, `run ${runId} has not listed every vendor page yet; it cannot finish`);
      }
      const settings = settingsOf(run);
      const scope: LoadScope = { appId: run.appId!, integrationId: run.integrationId, runId };
      // Absence means "gone" only for SaaS users, and a create-only load promises not to touch existing ones.
      const deactivates = settings.userSelection === 'user_plus_saas_user' && settings.preference !== 'create_only' && decision !== 'skip';
      if (deactivates && decision !== 'deactivate') {
        const { missing, active } = await this.inventory.countMissing(scope, m);
        if (missing * 100 > active * settings.deactivationLimitPercent) {
          await this.runs.hold(runId, missing, m);
          return { status: 'awaiting_confirmation', wouldDeactivate: missing };
        }
      }
      const deactivated = deactivates ? await this.inventory.deactivateMissing(scope, m) : 0;
      await this.inventory.forgetKeys(runId, m);
      return { status: 'completed', counts: countsOf(await this.runs.complete(runId, deactivated, this.env.ROLECALL_LOAD_WARN_SHARE, m)) };
    });
  }

  async fail({ runId, message }: { runId: string; message: string }): Promise<void> {
    await this.runs.fail(runId, message);
    this.logger.warn(`user load run ${runId} failed: ${message}`);
  }

  async recordWaiting({ runId, reason }: { runId: string; reason: string }): Promise<void> {
    await this.runs.recordWaiting(runId, reason);
    this.logger.warn(`user load run ${runId} is waiting: ${reason}`);
  }

  private async applyPage(
    m: EntityManager,
    scope: LoadScope,
    integration: RunIntegration,
    pageIndex: number,
    page: UsersPage,
  ): Promise<PageCounts> {
    const valid: MappedRecord[] = [];
    const invalid: MappedRecord[] = [];
    const problems: Problem[] = (page.rejected ?? []).map((r) => ({ externalId: r.id, record: null, reason: r.reason, outcome: 'failed' as const }));
    for (const user of page.users) {
      const mapped = mapRecord(user, integration.mappings, integration.customFields);
      if (mapped.ok) valid.push(mapped.record);
      else {
        invalid.push(mapped.record);
        problems.push(problem(mapped.record, mapped.reason, 'failed'));
      }
    }
    const saasUsers = integration.userSelection === 'user_plus_saas_user';
    // Records that cannot be loaded are still at the vendor: their ids count as seen.
    const seenOnly = [...invalid.map((r) => r.externalId), ...(page.rejected ?? []).map((r) => r.id)];
    const fresh = await this.claimUniqueKeys(m, scope.runId, integration, valid, saasUsers ? seenOnly : [], problems);
    const counts: PageCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, deactivated: 0 };
    if (!saasUsers) {
      const existing = await this.inventory.findPeopleByEmail(fresh.flatMap((r) => (r.email ? [r.email] : [])), m);
      const plan = planPage(fresh, integration.syncKeys, integration.preference, existing);
      Object.assign(counts, await this.inventory.writePeople(integration.id, integration.personRole, plan, m));
      problems.push(...plan.skips.map((s) => problem(s.record, s.reason, 'skipped')));
    } else {
      const plan = await this.planSaasUsers(m, scope, integration, fresh, problems);
      Object.assign(counts, await this.inventory.writeSaasUsers(scope, { role: integration.personRole, preference: integration.preference }, plan, m));
    }
    counts.skipped = problems.filter((p) => p.outcome === 'skipped').length;
    counts.failed = problems.filter((p) => p.outcome === 'failed').length;
    await this.runs.appendErrors(problems.map((p) => ({ runId: scope.runId, pageIndex, ...p })), m);
    return counts;
  }

  /**
   * Records the run's key values of this page (vendor ids of SaaS users, and every sync key) and
   * returns the records whose values no other record of the run carried; the others are
   * duplicates in the source, within the page or across pages, and go to the error log: two
   * vendor users behind one key value would overwrite each other's row.
   */
  private async claimUniqueKeys(
    m: EntityManager,
    runId: string,
    integration: RunIntegration,
    records: readonly MappedRecord[],
    seenOnly: readonly (string | null)[],
    problems: Problem[],
  ): Promise<MappedRecord[]> {
    const fields = new Set<SyncKeyField>(integration.syncKeys.map((k) => k.field));
    if (integration.userSelection === 'user_plus_saas_user') fields.add('externalId');
    const keysOf = (record: MappedRecord): LoadKey[] =>
      [...fields].flatMap((field) => {
        const value = keyValue(record, field);
        return value === null ? [] : [{ field, value }];
      });
    const wanted = records.map(keysOf);
    const seen = seenOnly.flatMap((value) => (value === null ? [] : [{ field: 'externalId', value }]));
    const fresh = await this.inventory.claimKeys(runId, [...wanted.flat(), ...seen], m);
    const taken = new Set<string>();
    return records.filter((record, i) => {
      const keys = wanted[i]!;
      const duplicate = keys.find((k) => !fresh.has(loadKeyId(k)) || taken.has(loadKeyId(k)));
      for (const k of keys) taken.add(loadKeyId(k));
      if (duplicate) problems.push(problem(record, `duplicate in source: another record of this load has the same ${duplicate.field}`, 'skipped'));
      return !duplicate;
    });
  }

  private async planSaasUsers(m: EntityManager, scope: LoadScope, integration: RunIntegration, valid: MappedRecord[], problems: Problem[]): Promise<PagePlan> {
    const existing = await this.inventory.findSaasUsers(scope.appId, valid, integration.syncKeys, m);
    const plan = planPage(valid, integration.syncKeys, integration.preference, existing);
    problems.push(...plan.skips.map((s) => problem(s.record, s.reason, 'skipped')));
    // A SaaS user is identified by the vendor's id within its app: without it there is nothing to create.
    plan.creates = plan.creates.filter((record) => {
      if (record.externalId) return true;
      problems.push(problem(record, 'missing external id: cannot create a SaaS user without the vendor id', 'failed'));
      return false;
    });
    return plan;
  }

  private async integration(id: string): Promise<Integration> {
    const integration = await this.integrations.findOrNull(id);
    if (!integration) throw new DomainError(ErrorCode.NotFound, `integration ${id} does not exist (deleted while loading?)`);
    return integration;
  }
}
