import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@rolecall/presets';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { ApiTokenRepository } from './api-token.repository';
import type { CreatedToken, CreateToken, TokenView } from './auth.schema';
import type { Principal } from './principal';
import { lowerRole, roleAtLeast } from './role-rank';
import { hashSecretToken, newSecretToken } from './secret-token';
import { toTokenView } from './token-view';

/** Prefix of every API token, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'rcat_';

const DAY_MS = 86_400_000;

/** API tokens for automation: `Authorization: Bearer rcat_…`. Stored as SHA-256; shown once. */
@Injectable()
export class TokensService {
  private readonly logger = new Logger(TokensService.name);

  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The caller's own tokens; an admin sees everyone's. */
  async list(principal: Principal): Promise<TokenView[]> {
    const rows = await this.tokens.list(principal.role === 'admin' ? undefined : principal.user.id);
    return rows.map(toTokenView);
  }

  async create(principal: Principal, input: CreateToken): Promise<CreatedToken> {
    // A leaked token must not be able to mint longer-lived ones.
    if (principal.via !== 'session') throw new DomainError(ErrorCode.Forbidden, 'API tokens are created by a signed-in user, not with another token');
    if (!roleAtLeast(principal.role, input.role)) {
      throw new DomainError(ErrorCode.Forbidden, `a token cannot have a higher role than yours (${principal.role})`);
    }
    const id = randomUUID();
    const token = newSecretToken(TOKEN_PREFIX);
    await this.dataSource.transaction(async (m) => {
      await this.tokens.insert(
        { id, userId: principal.user.id, name: input.name, role: input.role, tokenHash: hashSecretToken(token), expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS) },
        m,
      );
      await this.audit.record({ actor: principal.actor, action: 'token.created', subjectType: 'api_token', subjectId: id, details: { name: input.name, role: input.role, expiresInDays: input.expiresInDays } }, m);
    });
    const row = await this.tokens.findById(id);
    return { ...toTokenView(row!), token };
  }

  /** Revokes the caller's own token, or anyone's for an admin; others' tokens answer 404 as if absent. */
  async revoke(principal: Principal, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.tokens.findById(id, m);
      if (!row || (row.userId !== principal.user.id && principal.role !== 'admin')) {
        throw new DomainError(ErrorCode.NotFound, `no API token with id "${id}"`);
      }
      if (row.revokedAt) return;
      await this.tokens.revoke(id, m);
      await this.audit.record({ actor: principal.actor, action: 'token.revoked', subjectType: 'api_token', subjectId: id, details: { name: row.name, owner: row.user.email } }, m);
    });
  }

  /** The principal of a bearer token, or null when it is unknown, expired, revoked or its owner disabled. */
  async authenticate(token: string): Promise<Principal | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const row = await this.tokens.findLive(hashSecretToken(token));
    if (!row) return null;
    // Best effort: "last used" must not fail the request it describes.
    void this.tokens.touch(row.id).catch((err: unknown) => this.logger.warn(`could not record the use of token ${row.id}: ${(err as Error).message}`));
    return {
      user: { id: row.user.id, email: row.user.email, name: row.user.name },
      role: lowerRole(row.role, row.user.role),
      via: 'token',
      actor: { kind: 'token', id: row.id, name: `${row.name} (${row.user.email})`, userId: row.user.id },
    };
  }
}
