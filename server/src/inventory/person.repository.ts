import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { PersonQuery, PersonStatus } from './inventory.schema';
import { Person } from './person.entity';
import { containsPattern } from './search-pattern';

// Must match the expression index of the CreateInventory migration, or searches scan.
const PERSON_SEARCH = `(coalesce(p.email, '') || ' ' || coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, ''))`;

/** A person with the number of SaaS users they own. */
export type PersonWithCount = Person & { saasUserCount?: number };

/** The SQL of `person` for the inventory API (loads write through InventoryBulkWriteRepository). */
@Injectable()
export class PersonRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of the matching people, ordered by email, id; and the total. */
  async page(query: PersonQuery): Promise<[PersonWithCount[], number]> {
    const qb = this.withCount().orderBy('p.email', 'ASC', 'NULLS LAST').addOrderBy('p.id', 'ASC').skip((query.page - 1) * query.pageSize).take(query.pageSize);
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.q) qb.andWhere(`${PERSON_SEARCH} ILIKE :q`, { q: containsPattern(query.q) });
    return qb.getManyAndCount();
  }

  async findWithCount(id: string): Promise<PersonWithCount | null> {
    return this.withCount().where('p.id = :id', { id }).getOne();
  }

  async getWithCount(id: string): Promise<PersonWithCount> {
    return this.withCount().where('p.id = :id', { id }).getOneOrFail();
  }

  /** Locked until the transaction ends, so concurrent status changes apply one after the other. */
  async findForUpdate(id: string, manager: EntityManager): Promise<Person | null> {
    return manager.findOne(Person, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async setStatus(id: string, status: PersonStatus, manager: EntityManager): Promise<void> {
    await manager.update(Person, { id }, { status, offboardedAt: status === 'offboarded' ? new Date() : null });
  }

  private withCount(): SelectQueryBuilder<PersonWithCount> {
    return this.dataSource.getRepository(Person).createQueryBuilder('p').loadRelationCountAndMap('p.saasUserCount', 'p.saasUsers');
  }
}
