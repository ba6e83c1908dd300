import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AppUser } from './user.entity';

/** The SQL of `app_user`. */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<AppUser[]> {
    return this.dataSource.manager.find(AppUser, { order: { email: 'ASC' } });
  }

  count(manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.count(AppUser);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<AppUser | null> {
    return manager.findOneBy(AppUser, { id });
  }

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<AppUser | null> {
    return manager.findOneBy(AppUser, { email });
  }

  /** Locks the row so concurrent sign-ins count failures one after another. */
  findByEmailForUpdate(email: string, manager: EntityManager): Promise<AppUser | null> {
    return manager.findOne(AppUser, { where: { email }, lock: { mode: 'pessimistic_write' } });
  }

  findByIdForUpdate(id: string, manager: EntityManager): Promise<AppUser | null> {
    return manager.findOne(AppUser, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Enabled admins, locked in id order so two demotions cannot both leave "another admin". */
  activeAdminIdsForUpdate(manager: EntityManager): Promise<string[]> {
    return manager
      .find(AppUser, { where: { role: 'admin', disabledAt: IsNull() }, select: { id: true }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } })
      .then((rows) => rows.map((r) => r.id));
  }

  async insert(user: Omit<AppUser, 'createdAt'>, manager: EntityManager): Promise<void> {
    await manager.insert(AppUser, user);
  }

  async save(user: AppUser, manager: EntityManager): Promise<void> {
    await manager.save(AppUser, user, { reload: false });
  }
}
