import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@rolecall/presets';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { appendInventoryEvents } from './inventory-events';
import type {
  PersonQuery,
  PersonStatus,
  PersonView,
  SaasAppView,
  SaasUserQuery,
  SaasUserStatus,
  SaasUserView,
} from './inventory.schema';
import { Person } from './person.entity';
import { SaasUser } from './saas-user.entity';

// Must match the expression indexes of the CreateInventory migration, or searches scan.
const SAAS_USER_SEARCH = `(coalesce(u.username, '') || ' ' || (coalesce(u.email, '') || ' ' || coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')))`;
const PERSON_SEARCH = `(coalesce(p.email, '') || ' ' || coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, ''))`;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Who changed something by hand; `system` until authentication lands. */
export type Actor = string;

@Injectable()
export class InventoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listApps(): Promise<SaasAppView[]> {
    const rows: { id: string; name: string; preset_id: string; users: string; active: string }[] = await this.dataSource.query(`
      SELECT a.id, a.name, a.preset_id,
             count(u.id) AS users, count(u.id) FILTER (WHERE u.status = 'active') AS active
      FROM saas_app a LEFT JOIN saas_user u ON u.app_id = a.id
      GROUP BY a.id ORDER BY a.name`);
    return rows.map((r) => ({ id: r.id, name: r.name, presetId: r.preset_id, userCount: Number(r.users), activeUserCount: Number(r.active) }));
  }

  async listSaasUsers(query: SaasUserQuery): Promise<{ items: SaasUserView[]; total: number }> {
    const qb = this.saasUserQuery(query)
      .orderBy('app.name', 'ASC')
      .addOrderBy('u.email', 'ASC', 'NULLS LAST')
      .addOrderBy('u.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toSaasUserView), total };
  }

  /** Yields every matching SaaS user in id order, a batch at a time (keyset paging, constant memory). */
  async *streamSaasUsers(query: SaasUserQuery, batchSize = 1000): AsyncGenerator<SaasUserView[]> {
    let after: string | undefined;
    for (;;) {
      const qb = this.saasUserQuery(query).orderBy('u.id', 'ASC').limit(batchSize);
      if (after) qb.andWhere('u.id > :after', { after });
      const rows = await qb.getMany();
      if (rows.length === 0) return;
      yield rows.map(toSaasUserView);
      after = rows[rows.length - 1]!.id;
    }
  }

  async setSaasUserStatus(id: string, status: SaasUserStatus, actor: Actor): Promise<SaasUserView> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(SaasUser, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new DomainError(ErrorCode.NotFound, `SaaS user ${id} does not exist`);
      if (user.status === status) return;
      const deactivating = status === 'deactivated';
      await manager.update(SaasUser, { id }, { status, deactivatedAt: deactivating ? new Date() : null });
      await appendInventoryEvents(manager, [
        {
          type: deactivating ? 'saasUser.deactivated' : 'saasUser.reactivated',
          appId: user.appId,
          saasUserId: id,
          personId: user.personId,
          source: { kind: 'manual', actor },
        },
      ]);
    });
    const user = await this.dataSource
      .getRepository(SaasUser)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.app', 'app')
      .where('u.id = :id', { id })
      .getOneOrFail();
    return toSaasUserView(user);
  }

  async listPeople(query: PersonQuery): Promise<{ items: PersonView[]; total: number }> {
    const qb = this.dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .loadRelationCountAndMap('p.saasUserCount', 'p.saasUsers')
      .orderBy('p.email', 'ASC', 'NULLS LAST')
      .addOrderBy('p.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.q) qb.andWhere(`${PERSON_SEARCH} ILIKE :q`, { q: likePattern(query.q) });
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toPersonView), total };
  }

  async setPersonStatus(id: string, status: PersonStatus, actor: Actor): Promise<PersonView> {
    await this.dataSource.transaction(async (manager) => {
      const person = await manager.findOne(Person, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!person) throw new DomainError(ErrorCode.NotFound, `person ${id} does not exist`);
      if (person.status === status) return;
      const offboarding = status === 'offboarded';
      await manager.update(Person, { id }, { status, offboardedAt: offboarding ? new Date() : null });
      if (offboarding) {
        await appendInventoryEvents(manager, [{ type: 'person.offboarded', personId: id, source: { kind: 'manual', actor } }]);
      }
    });
    const person = await this.dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .loadRelationCountAndMap('p.saasUserCount', 'p.saasUsers')
      .where('p.id = :id', { id })
      .getOneOrFail();
    return toPersonView(person);
  }

  private saasUserQuery(query: SaasUserQuery): SelectQueryBuilder<SaasUser> {
    const qb = this.dataSource.getRepository(SaasUser).createQueryBuilder('u').innerJoinAndSelect('u.app', 'app');
    if (query.app) qb.andWhere('u.app_id = :app', { app: query.app });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.personId) qb.andWhere('u.person_id = :personId', { personId: query.personId });
    if (query.lastLoginBefore) {
      qb.andWhere('(u.last_login_at < :before OR u.last_login_at IS NULL)', { before: query.lastLoginBefore });
    }
    if (query.q) qb.andWhere(`${SAAS_USER_SEARCH} ILIKE :q`, { q: likePattern(query.q) });
    return qb;
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

function toPersonView(p: Person & { saasUserCount?: number }): PersonView {
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

