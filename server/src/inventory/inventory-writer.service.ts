import { Injectable } from '@nestjs/common';
import type { MappedRecord } from '@rolecall/presets';
import type { EntityManager } from 'typeorm';
import type { LoadPreference, SyncKey } from '../integrations/integrations.schema';
import type { ExistingIndex, PlannedUpdate } from '../user-loads/page-plan';
import { InventoryBulkWriteRepository } from './inventory-bulk-write.repository';
import { InventoryEventRepository, type NewInventoryEvent } from './inventory-event.repository';
import { loadSource, type LoadScope } from './load-scope';
import { SaasAppRepository } from './saas-app.repository';

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
  ) {}

  /** The inventory app a load writes into, created on first use; returns its id. */
  ensureApp(name: string, presetId: string): Promise<string> {
    return this.apps.ensure(name, presetId);
  }

  findSaasUsers(appId: string, records: readonly MappedRecord[], keys: readonly SyncKey[], m: EntityManager): Promise<ExistingIndex> {
    return this.bulk.findSaasUsers(appId, records, keys, m);
  }

  findPeopleByEmail(emails: readonly string[], m: EntityManager): Promise<ExistingIndex> {
    return this.bulk.findPeopleByEmail(emails, m);
  }

  /** Writes People ("User only" loads); returns how many were created and updated. */
  async writePeople(integrationId: string, role: string | null, plan: PlannedWrites, m: EntityManager): Promise<{ created: number; updated: number }> {
    const created = await this.bulk.insertPeople(integrationId, role, plan.creates, m);
    const updated = await this.bulk.updatePeople(plan.updates, m);
    return { created, updated };
  }

  /**
   * Writes SaaS users and the People behind them, and announces status changes as events.
   * Returns how many were created, updated and deactivated.
   */
  async writeSaasUsers(
    scope: LoadScope,
    people: { role: string | null; preference: LoadPreference },
    plan: PlannedWrites,
    m: EntityManager,
  ): Promise<{ created: number; updated: number; deactivated: number }> {
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
    return { created, updated: updated.length + inserted.length - created, deactivated };
  }

  /** Marks rows whose records failed validation as still present at the vendor. */
  markSeen(scope: LoadScope, externalIds: readonly string[], m: EntityManager): Promise<void> {
    return this.bulk.markSeen(scope, externalIds, m);
  }

  /** How many of the integration's active SaaS users the run did not see, out of how many (before deactivating). */
  countMissing(scope: LoadScope, m: EntityManager): Promise<{ missing: number; active: number }> {
    return this.bulk.countMissing(scope, m);
  }

  /** Deactivates the integration's SaaS users the run did not see (with their events); returns how many. */
  deactivateMissing(scope: LoadScope, m: EntityManager): Promise<number> {
    return this.bulk.deactivateMissing(scope, m);
  }
}
