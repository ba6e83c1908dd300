import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import type { AppUser } from './user.entity';
import { UserSession } from './user-session.entity';

/** The SQL of `user_session`. */
@Injectable()
export class UserSessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(session: Omit<UserSession, 'createdAt' | 'user'>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(UserSession, session);
  }

  /** The live session with this hash and its enabled user, in one query (it runs on every request). */
  async findLive(tokenHash: Buffer): Promise<{ session: UserSession; user: AppUser } | null> {
    const session = await this.dataSource.manager
      .createQueryBuilder(UserSession, 's')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .andWhere('s.expires_at > now()')
      .andWhere('u.disabled_at IS NULL')
      .getOne();
    return session?.user ? { session, user: session.user } : null;
  }

  async delete(tokenHash: Buffer, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.delete(UserSession, { tokenHash });
  }

  /** Signs a user out everywhere (password change or reset, disabling). */
  async deleteForUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.delete(UserSession, { userId });
  }

  /** Expired sessions are dead weight; removed on each sign-in (cheap: few rows, indexed by hash). */
  async deleteExpired(manager: EntityManager): Promise<void> {
    await manager.delete(UserSession, { expiresAt: LessThan(new Date()) });
  }
}
