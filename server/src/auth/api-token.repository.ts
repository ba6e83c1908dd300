import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiToken } from './api-token.entity';
import type { AppUser } from './user.entity';

export type TokenWithUser = ApiToken & { user: AppUser };

/** The SQL of `api_token`. */
@Injectable()
export class ApiTokenRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first; one user's tokens, or everyone's for an admin. */
  list(userId?: string): Promise<TokenWithUser[]> {
    return this.dataSource.manager.find(ApiToken, {
      where: userId ? { userId } : {},
      relations: { user: true },
      order: { createdAt: 'DESC' },
    }) as Promise<TokenWithUser[]>;
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<TokenWithUser | null> {
    return manager.findOne(ApiToken, { where: { id }, relations: { user: true } }) as Promise<TokenWithUser | null>;
  }

  /** The usable token with this hash (not expired or revoked, owner enabled), with its owner. */
  async findLive(tokenHash: Buffer): Promise<TokenWithUser | null> {
    const token = await this.dataSource.manager
      .createQueryBuilder(ApiToken, 't')
      .innerJoinAndSelect('t.user', 'u')
      .where('t.token_hash = :tokenHash', { tokenHash })
      .andWhere('t.expires_at > now()')
      .andWhere('t.revoked_at IS NULL')
      .andWhere('u.disabled_at IS NULL')
      .getOne();
    return (token as TokenWithUser | null) ?? null;
  }

  async insert(token: Omit<ApiToken, 'createdAt' | 'user' | 'lastUsedAt' | 'revokedAt'>, manager: EntityManager): Promise<void> {
    await manager.insert(ApiToken, token);
  }

  /** Marks a token used; at most one write a minute per token, so automation does not write per request. */
  async touch(id: string): Promise<void> {
    await this.dataSource.manager
      .createQueryBuilder()
      .update(ApiToken)
      .set({ lastUsedAt: () => 'now()' })
      .where('id = :id', { id })
      .andWhere(`(last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`)
      .execute();
  }

  async revoke(id: string, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ApiToken)
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
  }
}
