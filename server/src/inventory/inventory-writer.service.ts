import { Injectable } from '@nestjs/common';
import type { MappedRecord } from '@rolecall/presets';
import type { EntityManager } from 'typeorm';
import type { LoadPreference, SyncKey } from '../integrations/integrations.schema';
import type { ExistingIndex, PlannedUpdate } from '../user-loads/page-plan';
import { InventoryBulkWriteRepository } from './inventory-bulk-write.repository';
import { InventoryEventRepository, type NewInventoryEvent } from './inventory-event.repository';
import { loadSource, type LoadScope } from './load-scope';
import { InventoryLoadKeyRepository } from './inventory-load-key.repository';
import type { LoadKey } from './load-key';
import type { SaasAppKey } from './saas-app-key';
import { SaasAppRepository } from './saas-app.repository';

/** What a page's writes did: rows created, rows updated, and matched rows left as they were. */
export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A page's planned writes: records to create, and matched rows to update. */
export interface PlannedWrites {
  creates: readonly MappedRecord[];
  updates: readonly PlannedUpdate[];
}

/**
 * How user loads write the inventory: bulk lookups and writes of one page, each method joining
 * the load's page transaction (`m`) so rows, events and the run's progress commit together.
 */
@Injectable()
export class InventoryWriter {
  constructor(
    private readonly bulk: InventoryBulkWriteRepository,
    private readonly events: InventoryEventRepository,
    private readonly apps: SaasAppRepository,
    private readonly keys: InventoryLoadKeyRepository,
  ) {}

  /** The inventory app a load writes into (its preset, tenant and name), created on first use; returns its id. */
  ensureApp(key: SaasAppKey): Promise<string> {
    return this.apps.ensure(key);
  }

  /**
   * Records key values a run's page carries; returns the ids (`loadKeyId`) of those no earlier
   * page of the run carried: any other is a duplicate across pages.
   */
  claimKeys(runId: string, keys: readonly LoadKey[], m: EntityManager): Promise<Set<string>> {
    return this.keys.claim(runId, keys, m);
  }

  findSaasUsers(appId: string, records: readonly MappedRecord[], keys: readonly SyncKey[], m: EntityManager): Promise<ExistingIndex> {
    return this.bulk.findSaasUsers(appId, records, keys, m);
  }

  findPeopleByEmail(emails: readonly string[], m: EntityManager): Promise<ExistingIndex> {
    return this.bulk.findPeopleByEmail(emails, m);
  }

  /** Writes People ("User only" loads); returns how many were created, updated and left unchanged. */
  async writePeople(integrationId: string, role: string | null, plan: PlannedWrites, m: EntityManager): Promise<WriteCounts> {
    const created = await this.bulk.insertPeople(integrationId, role, plan.creates, m);
    const updated = await this.bulk.updatePeople(plan.updates, m);
    return { created, updated, unchanged: plan.updates.length - updated };
  }

  /**
   * Writes SaaS users and the People behind them, and announces status changes as events.
   * Returns how many were created, updated, left unchanged (not rewritten) and deactivated.
   */
  async writeSaasUsers(
    scope: LoadScope,
    people: { role: string | null; preference: LoadPreference },
    plan: PlannedWrites,
    m: EntityManager,
  ): Promise<WriteCounts & { deactivated: number }> {
    const personIds = await this.bulk.upsertPeopleFor(scope.integrationId, people.role, people.preference, [
      ...plan.creates,
      ...plan.updates.map((u) => u.record),
    ], m);
    const inserted = await this.bulk.insertSaasUsers(scope, plan.creates, personIds, m);
    const updated = await this.bulk.updateSaasUsers(scope, plan.updates, personIds, m);
    // saasUser.created events were written with the rows; status changes are announced here.
    const source = loadSource(scope);
    const events: NewInventoryEvent[] = [];
    let deactivated = 0;
    for (const row of updated) {
      if (row.previous === row.status) continue;
      const isDeactivation = row.status === 'deactivated';
      if (isDeactivation) deactivated++;
      events.push({ type: isDeactivation ? 'saasUser.deactivated' : 'saasUser.reactivated', appId: scope.appId, saasUserId: row.id, personId: row.personId, source });
    }
    await this.events.append(events, m);
    const created = inserted.filter((r) => r.inserted).length;
    // Rows the vendor reports as stored are not returned by the writes.
    const unchanged = plan.creates.length + plan.updates.length - inserted.length - updated.length;
    return { created, updated: updated.length + inserted.length - created, unchanged, deactivated };
  }

  /** How many of the integration's active SaaS users the run did not see, out of how many (before deactivating). */
  countMissing(scope: LoadScope, m: EntityManager): Promise<{ missing: number; active: number }> {
    return this.bulk.countMissing(scope, m);
  }

  /** Deactivates the integration's SaaS users the run did not see (with their events); returns how many. */
  deactivateMissing(scope: LoadScope, m: EntityManager): Promise<number> {
    return this.bulk.deactivateMissing(scope, m);
  }

  /** Forgets the keys of a completed run. */
  forgetKeys(runId: string, m: EntityManager): Promise<void> {
    return this.keys.deleteOfRun(runId, m);
  }
}
