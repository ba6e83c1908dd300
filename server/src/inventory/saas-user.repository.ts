import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { SaasUserFilter, SaasUserQuery, SaasUserStatus } from './inventory.schema';
import { SaasUser } from './saas-user.entity';
import { containsPattern } from './search-pattern';

// Must match the expression indexes of the CreateInventory migration, or searches scan.
const SAAS_USER_SEARCH = `(coalesce(u.username, '') || ' ' || (coalesce(u.email, '') || ' ' || coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')))`;

/** The SQL of `saas_user` for the inventory API (loads write through InventoryBulkWriteRepository). */
@Injectable()
export class SaasUserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of the matching SaaS users (with their app), ordered by app, email, id; and the total. */
  async page(query: SaasUserQuery): Promise<[SaasUser[], number]> {
    return this.filtered(query)
      .orderBy('app.name', 'ASC')
      .addOrderBy('u.email', 'ASC', 'NULLS LAST')
      .addOrderBy('u.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
  }

  /** The next `limit` matching SaaS users in id order after `after` (keyset paging). */
  async batchAfter(query: SaasUserFilter, after: string | undefined, limit: number): Promise<SaasUser[]> {
    const qb = this.filtered(query).orderBy('u.id', 'ASC').limit(limit);
    if (after) qb.andWhere('u.id > :after', { after });
    return qb.getMany();
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

  private filtered(query: SaasUserFilter): SelectQueryBuilder<SaasUser> {
    const qb = this.dataSource.getRepository(SaasUser).createQueryBuilder('u').innerJoinAndSelect('u.app', 'app');
    if (query.app) qb.andWhere('u.app_id = :app', { app: query.app });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.personId) qb.andWhere('u.person_id = :personId', { personId: query.personId });
    if (query.lastLoginBefore) {
      qb.andWhere('(u.last_login_at < :before OR u.last_login_at IS NULL)', { before: query.lastLoginBefore });
    }
    if (query.q) qb.andWhere(`${SAAS_USER_SEARCH} ILIKE :q`, { q: containsPattern(query.q) });
    return qb;
  }
}
