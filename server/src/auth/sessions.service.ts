import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@rolecall/presets';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../audit/audit.schema';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import type { Login } from './auth.schema';
import { decoyHash, verifyPassword } from './password-hasher';
import type { Principal } from './principal';
import { hashSecretToken, newSecretToken } from './secret-token';
import { SIGN_IN_FAILED, SignInThrottle } from './sign-in-throttle';
import type { AppUser } from './user.entity';
import { UserRepository } from './user.repository';
import { UserSessionRepository } from './user-session.repository';

/** Consecutive wrong passwords that lock an account, and for how long. */
export const FAILURES_BEFORE_LOCKOUT = 5;
export const LOCKOUT_MS = 15 * 60_000;
/** A session ends this long after sign-in, used or not: a forgotten browser does not stay signed in. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60_000;

const WRONG = 'the email or password is wrong';

export interface SignedIn {
  token: string;
  expires: Date;
  principal: Principal;
}

export const userActor = (u: Pick<AppUser, 'id' | 'email'>): Actor => ({ kind: 'user', id: u.id, name: u.email });

type SessionUser = Pick<AppUser, 'id' | 'email' | 'name' | 'role'>;

const principalOfUser = (user: SessionUser, sessionHash: Buffer): Principal => ({
  user: { id: user.id, email: user.email, name: user.name },
  role: user.role,
  via: 'session',
  actor: userActor(user),
  sessionHash,
});

const hhmm = (d: Date) => `${d.toISOString().slice(11, 16)} UTC`;

/** Browser sign-in: password check with lockout, server-side sessions that sign-out and password changes end. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: UserSessionRepository,
    private readonly audit: AuditService,
    private readonly throttle: SignInThrottle,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async signIn(login: Login, address: string): Promise<SignedIn> {
    const wait = await this.throttle.waitFor(address);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      throw new DomainError(ErrorCode.RateLimited, `too many failed sign-ins from this address; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`, {
        retryAfterSeconds: Math.ceil(wait / 1000),
      });
    }
    // The outcome is decided and recorded in one transaction, and thrown only after it commits,
    // so a failed attempt's count and audit row survive.
    const outcome = await this.dataSource.transaction((m) => this.attempt(login, address, m));
    if (outcome.ok) return outcome.signedIn;
    if (outcome.lockedUntil) {
      throw new DomainError(
        ErrorCode.RateLimited,
        `this account is locked after ${FAILURES_BEFORE_LOCKOUT} wrong passwords until ${hhmm(outcome.lockedUntil)}; try again then, or ask an admin to reset the password`,
        { lockedUntil: outcome.lockedUntil.toISOString() },
      );
    }
    throw new DomainError(ErrorCode.Unauthenticated, WRONG);
  }

  private async attempt(
    login: Login,
    address: string,
    m: EntityManager,
  ): Promise<{ ok: true; signedIn: SignedIn } | { ok: false; lockedUntil?: Date }> {
    const user = await this.users.findByEmailForUpdate(login.email, m);
    const now = new Date();
    if (user?.lockedUntil && user.lockedUntil > now) {
      await this.record(m, userActor(user), 'auth.sign_in_refused', user.id, { reason: 'locked', address });
      return { ok: false, lockedUntil: user.lockedUntil };
    }
    const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), login.password);
    if (!user || user.disabledAt || !matches) {
      const actor: Actor = user ? userActor(user) : { kind: 'system', name: 'anonymous' };
      const reason = !user ? 'unknown email' : user.disabledAt ? 'disabled' : 'wrong password';
      await this.record(m, actor, SIGN_IN_FAILED, user?.id ?? null, { email: login.email.slice(0, 254), reason, address });
      if (!user || user.disabledAt) return { ok: false };
      user.failedSignIns += 1;
      if (user.failedSignIns >= FAILURES_BEFORE_LOCKOUT) {
        user.failedSignIns = 0;
        user.lockedUntil = new Date(now.getTime() + LOCKOUT_MS);
        await this.record(m, userActor(user), 'auth.locked', user.id, { until: user.lockedUntil.toISOString() });
      }
      await this.users.save(user, m);
      return { ok: false, ...(user.lockedUntil && user.lockedUntil > now ? { lockedUntil: user.lockedUntil } : {}) };
    }
    user.failedSignIns = 0;
    user.lockedUntil = null;
    user.lastSignInAt = now;
    await this.users.save(user, m);
    const signedIn = await this.open(user, m);
    await this.sessions.deleteExpired(m);
    await this.record(m, userActor(user), 'auth.signed_in', user.id, { address });
    return { ok: true, signedIn };
  }

  /** A new session for a user (sign-in, and after changing one's own password). */
  async open(user: SessionUser, m: EntityManager = this.dataSource.manager): Promise<SignedIn> {
    const token = newSecretToken('');
    const tokenHash = hashSecretToken(token);
    const expires = new Date(Date.now() + SESSION_LIFETIME_MS);
    await this.sessions.insert({ tokenHash, userId: user.id, expiresAt: expires }, m);
    return { token, expires, principal: principalOfUser(user, tokenHash) };
  }

  /** Ends the caller's session; an API token has none (it is revoked instead). */
  async signOut(principal: Principal): Promise<void> {
    const { sessionHash } = principal;
    if (!sessionHash) throw new DomainError(ErrorCode.Forbidden, 'an API token has no session to end; revoke it with DELETE /api/tokens/{id}');
    await this.dataSource.transaction(async (m) => {
      await this.sessions.delete(sessionHash, m);
      await this.record(m, principal.actor, 'auth.signed_out', principal.user.id, {});
    });
  }

  /** The principal of a session cookie, or null when it is unknown, expired or its user disabled. */
  async authenticate(sessionToken: string): Promise<Principal | null> {
    const tokenHash = hashSecretToken(sessionToken);
    const live = await this.sessions.findLive(tokenHash);
    return live ? principalOfUser(live.user, tokenHash) : null;
  }

  private record(m: EntityManager, actor: Actor, action: string, subjectId: string | null, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({ actor, action, subjectType: 'user', subjectId, details }, m);
  }
}
