import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@rolecall/presets';
import { DataSource } from 'typeorm';
import type { Actor } from '../audit/audit.schema';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { IntegrationsService } from '../integrations/integrations.service';
import { customFieldLabels } from './custom-field-labels';
import type { AppSeats } from './inventory.schema';
import type { InventoryEvent } from './inventory-event.entity';
import { InventoryEventRepository } from './inventory-event.repository';
import type {
  PersonQuery,
  PersonStatus,
  PersonView,
  InventoryEventView,
  SaasAppView,
  SaasUserFilter,
  SaasUserQuery,
  SaasUserStatus,
  SaasUserView,
} from './inventory.schema';
import { PersonRepository, type PersonWithCount } from './person.repository';
import { SaasAppRepository } from './saas-app.repository';
import type { SaasUser } from './saas-user.entity';
import { SaasUserRepository } from './saas-user.repository';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** How much history a SaaS user or person page shows. */
const HISTORY_EVENTS = 200;

function toEventView(e: InventoryEvent): InventoryEventView {
  return { id: e.id, type: e.type, at: e.at.toISOString(), appId: e.appId, saasUserId: e.saasUserId, personId: e.personId, source: e.source };
}

/**
 * The inventory API: listing and exporting, and status changes by hand, each written in one
 * transaction with the inventory event a load would emit and an audit row.
 */
@Injectable()
export class InventoryService {
  constructor(
    private readonly apps: SaasAppRepository,
    private readonly saasUsers: SaasUserRepository,
    private readonly people: PersonRepository,
    private readonly events: InventoryEventRepository,
    private readonly audit: AuditService,
    private readonly integrations: IntegrationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  listApps(): Promise<SaasAppView[]> {
    return this.apps.listWithCounts();
  }

  /** Active seats per app, with the ones unused since each cutoff. */
  seatsPerApp(before90: Date, before365: Date): Promise<AppSeats[]> {
    return this.apps.seatsPerApp(before90, before365);
  }

  /** SaaS users deactivated (by loads or by hand) since a time. */
  countDeactivationsSince(since: Date): Promise<number> {
    return this.events.countSince('saasUser.deactivated', since);
  }

  async listSaasUsers(query: SaasUserQuery): Promise<{ items: SaasUserView[]; total: number }> {
    const [rows, total] = await this.saasUsers.page(query);
    return { items: rows.map(toSaasUserView), total };
  }

  /** The custom field keys of the matching users, for the CSV's per-field columns. */
  /** The labels integrations gave their custom fields, for column headers (of one app when `appId` is set). */
  async customFieldLabels(appId?: string): Promise<Record<string, string>> {
    return customFieldLabels(await this.integrations.list(), appId);
  }

  customKeys(query: SaasUserFilter): Promise<string[]> {
    return this.saasUsers.customKeys(query);
  }

  /** Yields every matching SaaS user in id order, a batch at a time (keyset paging, constant memory). */
  async *streamSaasUsers(query: SaasUserFilter, batchSize = 1000): AsyncGenerator<SaasUserView[]> {
    let after: string | undefined;
    for (;;) {
      const rows = await this.saasUsers.batchAfter(query, after, batchSize);
      if (rows.length === 0) return;
      yield rows.map(toSaasUserView);
      after = rows[rows.length - 1]!.id;
    }
  }

  async getSaasUser(id: string): Promise<SaasUserView> {
    const user = await this.saasUsers.findWithApp(id);
    if (!user) throw new DomainError(ErrorCode.NotFound, `SaaS user ${id} does not exist`);
    return toSaasUserView(user);
  }

  async getPerson(id: string): Promise<PersonView> {
    const person = await this.people.findWithCount(id);
    if (!person) throw new DomainError(ErrorCode.NotFound, `person ${id} does not exist`);
    return toPersonView(person);
  }

  /** What happened to a SaaS user (loads, admins, workflows), newest first. */
  async saasUserHistory(id: string): Promise<InventoryEventView[]> {
    await this.getSaasUser(id);
    return (await this.events.latestFor({ saasUserIds: [id] }, HISTORY_EVENTS)).map(toEventView);
  }

  /** What happened to a person and to each of their accounts, newest first. */
  async personHistory(id: string): Promise<InventoryEventView[]> {
    await this.getPerson(id);
    const accounts = await this.saasUsers.idsOfPerson(id);
    return (await this.events.latestFor({ saasUserIds: accounts, personId: id }, HISTORY_EVENTS)).map(toEventView);
  }

  async setSaasUserStatus(id: string, status: SaasUserStatus, actor: Actor): Promise<SaasUserView> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.saasUsers.findForUpdate(id, manager);
      if (!user) throw new DomainError(ErrorCode.NotFound, `SaaS user ${id} does not exist`);
      if (user.status === status) return;
      const deactivating = status === 'deactivated';
      // The row names who by the actor's display name; the audit row keeps the full actor.
      await this.saasUsers.setManualStatus(id, status, actor.name, manager);
      const type = deactivating ? 'saasUser.deactivated' : 'saasUser.reactivated';
      await this.events.append([{ type, appId: user.appId, saasUserId: id, personId: user.personId, source: { kind: 'manual', actor } }], manager);
      await this.audit.record(
        { actor, action: deactivating ? 'saas_user.deactivated' : 'saas_user.reactivated', subjectType: 'saas_user', subjectId: id, details: { appId: user.appId, from: user.status, to: status } },
        manager,
      );
    });
    return toSaasUserView(await this.saasUsers.getWithApp(id));
  }

  /** An admin drops a pending manual status: the next load takes the vendor's status again. */
  async clearSaasUserIntent(id: string, actor: Actor): Promise<SaasUserView> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.saasUsers.findForUpdate(id, manager);
      if (!user) throw new DomainError(ErrorCode.NotFound, `SaaS user ${id} does not exist`);
      if (user.manualStatus === null) return;
      await this.saasUsers.clearManualStatus(id, manager);
      await this.audit.record(
        { actor, action: 'saas_user.intent_cleared', subjectType: 'saas_user', subjectId: id, details: { appId: user.appId, manualStatus: user.manualStatus } },
        manager,
      );
    });
    return toSaasUserView(await this.saasUsers.getWithApp(id));
  }

  async listPeople(query: PersonQuery): Promise<{ items: PersonView[]; total: number }> {
    const [rows, total] = await this.people.page(query);
    return { items: rows.map(toPersonView), total };
  }

  async setPersonStatus(id: string, status: PersonStatus, actor: Actor): Promise<PersonView> {
    await this.dataSource.transaction(async (manager) => {
      const person = await this.people.findForUpdate(id, manager);
      if (!person) throw new DomainError(ErrorCode.NotFound, `person ${id} does not exist`);
      if (person.status === status) return;
      const offboarding = status === 'offboarded';
      await this.people.setStatus(id, status, manager);
      if (offboarding) {
        await this.events.append([{ type: 'person.offboarded', personId: id, source: { kind: 'manual', actor } }], manager);
      }
      await this.audit.record(
        { actor, action: offboarding ? 'person.offboarded' : 'person.restored', subjectType: 'person', subjectId: id, details: { from: person.status, to: status } },
        manager,
      );
    });
    return toPersonView(await this.people.getWithCount(id));
  }
}

function toSaasUserView(u: SaasUser): SaasUserView {
  return {
    id: u.id,
    appId: u.appId,
    appName: u.app?.name ?? '',
    personId: u.personId,
    externalId: u.externalId,
    username: u.username,
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    role: u.role,
    status: u.status,
    manualStatus: u.manualStatus,
    manualAt: iso(u.manualAt),
    manualBy: u.manualBy,
    deactivatedAt: iso(u.deactivatedAt),
    lastLoginAt: iso(u.lastLoginAt),
    vendorCreatedAt: iso(u.vendorCreatedAt),
    custom: u.custom,
    sourceIntegrationId: u.sourceIntegrationId,
    syncedAt: iso(u.syncedAt),
    firstSeenAt: u.firstSeenAt.toISOString(),
    lastSeenAt: u.lastSeenAt.toISOString(),
  };
}

function toPersonView(p: PersonWithCount): PersonView {
  return {
    id: p.id,
    email: p.email,
    firstName: p.firstName,
    lastName: p.lastName,
    role: p.role,
    status: p.status,
    offboardedAt: iso(p.offboardedAt),
    custom: p.custom,
    saasUserCount: p.saasUserCount ?? 0,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

