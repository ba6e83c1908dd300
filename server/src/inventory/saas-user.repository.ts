import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { SaasUserFilter, SaasUserQuery, SaasUserSort, SaasUserStatus } from './inventory.schema';
import { SaasUser } from './saas-user.entity';
import { containsPattern } from './search-pattern';

// Must match the expression indexes of the CreateInventory migration, or searches scan.
const SAAS_USER_SEARCH = `(coalesce(u.username, '') || ' ' || (coalesce(u.email, '') || ' ' || coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')))`;

// Each sort key reads an index: idx_saas_user_email_lower, idx_saas_user_role, idx_saas_user_last_login.
const SORT_COLUMNS: Record<Exclude<SaasUserSort, 'appName'>, string> = {
  email: 'lower(u.email)',
  role: 'u.role',
  lastLoginAt: 'u.last_login_at',
};

/** The SQL of `saas_user` for the inventory API (loads write through InventoryBulkWriteRepository). */
@Injectable()
export class SaasUserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of the matching SaaS users (with their app) in the asked order, id breaking ties; and the total. */
  async page(query: SaasUserQuery): Promise<[SaasUser[], number]> {
    const dir = query.dir === 'desc' ? 'DESC' : 'ASC';
    const qb = this.filtered(query);
    if (query.sort === 'appName') qb.orderBy('app.name', dir).addOrderBy('u.email', 'ASC', 'NULLS LAST');
    else qb.orderBy(SORT_COLUMNS[query.sort], dir, 'NULLS LAST');
    return qb
      .addOrderBy('u.id', 'ASC')
      // offset/limit, not skip/take: one row per user (the app join is many-to-one), and skip/take's
      // distinct subquery cannot order by an expression such as lower(email).
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getManyAndCount();
  }

  /** The next `limit` matching SaaS users in id order after `after` (keyset paging). */
  async batchAfter(query: SaasUserFilter, after: string | undefined, limit: number): Promise<SaasUser[]> {
    const qb = this.filtered(query).orderBy('u.id', 'ASC').limit(limit);
    if (after) qb.andWhere('u.id > :after', { after });
    return qb.getMany();
  }

  async findWithApp(id: string): Promise<SaasUser | null> {
    return this.dataSource.getRepository(SaasUser).createQueryBuilder('u').innerJoinAndSelect('u.app', 'app').where('u.id = :id', { id }).getOne();
  }

  /** The accounts of one person (idx_saas_user_person). */
  async idsOfPerson(personId: string): Promise<string[]> {
    return (await this.dataSource.manager.find(SaasUser, { select: { id: true }, where: { personId } })).map((u) => u.id);
  }

  /** Every custom field key the matching users carry, sorted: the CSV's extra columns. */
  async customKeys(query: SaasUserFilter): Promise<string[]> {
    const rows: { key: string }[] = await this.filtered(query).select('DISTINCT jsonb_object_keys(u.custom)', 'key').orderBy('key').getRawMany();
    return rows.map((r) => r.key);
  }

  async getWithApp(id: string): Promise<SaasUser> {
    return this.dataSource.getRepository(SaasUser).createQueryBuilder('u').innerJoinAndSelect('u.app', 'app').where('u.id = :id', { id }).getOneOrFail();
  }

  /** Locked until the transaction ends, so concurrent status changes apply one after the other. */
  async findForUpdate(id: string, manager: EntityManager): Promise<SaasUser | null> {
    return manager.findOne(SaasUser, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Sets the status by hand and records it as the admin's pending intent (see `SaasUser.manualStatus`). */
  async setManualStatus(id: string, status: SaasUserStatus, actor: string, manager: EntityManager): Promise<void> {
    const now = new Date();
    await manager.update(SaasUser, { id }, { status, deactivatedAt: status === 'deactivated' ? now : null, manualStatus: status, manualAt: now, manualBy: actor });
  }

  /** Drops the pending intent: the next load takes the vendor's status again. */
  async clearManualStatus(id: string, manager: EntityManager): Promise<void> {
    await manager.update(SaasUser, { id }, { manualStatus: null, manualAt: null, manualBy: null });
  }

  /** The status a workflow run's vendor call produced: the vendor agrees now, so no manual intent is recorded. */
  async setStatus(id: string, status: SaasUserStatus, manager: EntityManager): Promise<void> {
    await manager.update(SaasUser, { id }, { status, deactivatedAt: status === 'deactivated' ? new Date() : null });
  }

  async setRole(id: string, role: string | null, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).update(SaasUser, { id }, { role });
  }

  async remove(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(SaasUser, { id });
  }

  private filtered(query: SaasUserFilter): SelectQueryBuilder<SaasUser> {
    const qb = this.dataSource.getRepository(SaasUser).createQueryBuilder('u').innerJoinAndSelect('u.app', 'app');
    if (query.app) qb.andWhere('u.app_id = :app', { app: query.app });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.personId) qb.andWhere('u.person_id = :personId', { personId: query.personId });
    if (query.lastLoginBefore) {
      qb.andWhere('(u.last_login_at < :before OR u.last_login_at IS NULL)', { before: query.lastLoginBefore });
    }
    if (query.customField && query.customValue !== undefined) {
      // Containment reads idx_saas_user_custom; custom values are stored as loaded (text for string fields).
      qb.andWhere('u.custom @> :custom::jsonb', { custom: JSON.stringify({ [query.customField]: query.customValue }) });
    }
    if (query.q) qb.andWhere(`${SAAS_USER_SEARCH} ILIKE :q`, { q: containsPattern(query.q) });
    return qb;
  }
}
