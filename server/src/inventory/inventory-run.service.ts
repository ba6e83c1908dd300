import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InventoryEffect } from '@rolecall/workflows';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { InventoryEventFeedRepository, type FeedEvent } from './inventory-event-feed.repository';
import { InventoryEventRepository } from './inventory-event.repository';
import type { InventoryEventType } from './inventory-event.entity';
import { PopulationRepository, type PopulationMember, type PopulationScope } from './population.repository';
import { SaasUserRepository } from './saas-user.repository';

/** Which run node changed the inventory. */
export interface RunSource {
  runId: string;
  nodeId: string;
}

/**
 * What workflow runs need from the inventory: their population (the Begin rule in SQL), the
 * outbox feed of event triggers, and the inventory side of effects, each written with its
 * inventory event and audit row in the caller's transaction.
 */
@Injectable()
export class InventoryRunService {
  constructor(
    private readonly population: PopulationRepository,
    private readonly feed: InventoryEventFeedRepository,
    private readonly saasUsers: SaasUserRepository,
    private readonly events: InventoryEventRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  countPopulation(scope: PopulationScope): Promise<number> {
    return this.population.count(scope);
  }

  pagePopulation(scope: PopulationScope, after: string | null, limit: number): Promise<PopulationMember[]> {
    return this.population.page(scope, after, limit);
  }

  eventsAfter(input: { type: InventoryEventType; appId: string; afterId: string; since: Date; limit: number }): Promise<FeedEvent[]> {
    return this.feed.after(input);
  }

  findEvent(id: string): Promise<FeedEvent | null> {
    return this.feed.find(id);
  }

  lastEventId(): Promise<string> {
    return this.feed.lastId();
  }

  /** The role a Role Retrieval read at the vendor. */
  async setRole(saasUserId: string, role: string | null): Promise<void> {
    await this.saasUsers.setRole(saasUserId, role);
  }

  /**
   * Applies an action's inventory effect inside the caller's transaction (the ledger completion's),
   * with the event a load would emit and an audit row. Idempotent: a user already in the target
   * state, or already removed, is left as it is.
   */
  async applyEffect(saasUserId: string, effect: InventoryEffect, source: RunSource, manager: EntityManager): Promise<void> {
    if (effect === 'none') return;
    const user = await this.saasUsers.findForUpdate(saasUserId, manager);
    if (!user) return;
    const actor = { kind: 'system' as const, name: `workflow run ${source.runId}` };
    const event = { kind: 'run' as const, ...source };
    if (effect === 'remove') {
      await this.saasUsers.remove(saasUserId, manager);
      await this.audit.record({ actor, action: 'saas_user.removed', subjectType: 'saas_user', subjectId: saasUserId, details: { appId: user.appId, externalId: user.externalId, ...source } }, manager);
      return;
    }
    const status = effect === 'markInactive' ? 'deactivated' : 'active';
    if (user.status === status) return;
    await this.saasUsers.setStatus(saasUserId, status, manager);
    const type = status === 'deactivated' ? 'saasUser.deactivated' : 'saasUser.reactivated';
    await this.events.append([{ type, appId: user.appId, saasUserId, personId: user.personId, source: event }], manager);
    await this.audit.record(
      { actor, action: status === 'deactivated' ? 'saas_user.deactivated' : 'saas_user.reactivated', subjectType: 'saas_user', subjectId: saasUserId, details: { appId: user.appId, from: user.status, to: status, ...source } },
      manager,
    );
  }

  /** `deactivateIfNotFound`: the vendor no longer has the user, so the inventory stops calling it active. */
  async markMissing(saasUserId: string, source: RunSource): Promise<void> {
    await this.dataSource.transaction((m) => this.applyEffect(saasUserId, 'markInactive', source, m));
  }
}
