import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@rolecall/presets';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../audit/audit.schema';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { isUniqueViolation } from '../database/postgres-errors';
import type { ChangePassword, CreateUser, UpdateUser, UserView } from './auth.schema';
import { hashPassword, verifyPassword } from './password-hasher';
import type { Principal } from './principal';
import { UserRepository } from './user.repository';
import { UserSessionRepository } from './user-session.repository';
import { toUserView } from './user-view';
import type { AppUser } from './user.entity';

/** Users who sign in: created by admins (or from the environment at first boot), never deleted, only disabled, so the audit log keeps naming them. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: UserSessionRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(toUserView);
  }

  async get(id: string): Promise<UserView> {
    return toUserView(await this.find(id));
  }

  async create(input: CreateUser, actor: Actor): Promise<UserView> {
    const id = randomUUID();
    const user = {
      id,
      email: input.email,
      name: input.name ?? input.email,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      disabledAt: null,
      failedSignIns: 0,
      lockedUntil: null,
      lastSignInAt: null,
    };
    try {
      await this.dataSource.transaction(async (m) => {
        await this.users.insert(user, m);
        await this.record(m, actor, 'user.created', id, { email: user.email, role: user.role });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError(ErrorCode.Conflict, `a user with email "${input.email}" exists; change that user instead`);
      throw err;
    }
    return this.get(id);
  }

  /** Renames, changes the role, disables or enables; the last enabled admin cannot be demoted or disabled. */
  async update(id: string, patch: UpdateUser, actor: Actor): Promise<UserView> {
    await this.dataSource.transaction(async (m) => {
      const admins = await this.users.activeAdminIdsForUpdate(m);
      const user = await this.users.findByIdForUpdate(id, m);
      if (!user) throw this.notFound(id);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (patch.name !== undefined && patch.name !== user.name) {
        changes.name = { from: user.name, to: patch.name };
        user.name = patch.name;
      }
      if (patch.role !== undefined && patch.role !== user.role) {
        changes.role = { from: user.role, to: patch.role };
        user.role = patch.role;
      }
      if (patch.disabled !== undefined && patch.disabled !== (user.disabledAt !== null)) {
        changes.disabled = { from: !patch.disabled, to: patch.disabled };
        user.disabledAt = patch.disabled ? new Date() : null;
      }
      if (Object.keys(changes).length === 0) return;
      const stillAdmin = user.role === 'admin' && user.disabledAt === null;
      if (admins.includes(id) && !stillAdmin && admins.length === 1) {
        throw new DomainError(ErrorCode.Conflict, 'this is the last enabled admin; make another user admin first');
      }
      await this.users.save(user, m);
      if (user.disabledAt) await this.sessions.deleteForUser(id, m);
      await this.record(m, actor, 'user.updated', id, { email: user.email, changes });
    });
    return this.get(id);
  }

  /** Sets a new password for someone else: signs them out everywhere and lifts a lockout. */
  async resetPassword(id: string, password: string, actor: Actor): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (m) => {
      const user = await this.users.findByIdForUpdate(id, m);
      if (!user) throw this.notFound(id);
      await this.setPassword(user, passwordHash, m);
      await this.record(m, actor, 'user.password_reset', id, { email: user.email });
    });
  }

  /** The caller's own password: the current one must match; every session of the user ends. */
  async changeOwnPassword(principal: Principal, input: ChangePassword): Promise<void> {
    const user = await this.find(principal.user.id);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new DomainError(ErrorCode.Forbidden, 'the current password is wrong');
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.dataSource.transaction(async (m) => {
      const locked = await this.users.findByIdForUpdate(user.id, m);
      if (!locked) throw this.notFound(user.id);
      await this.setPassword(locked, passwordHash, m);
      await this.record(m, principal.actor, 'user.password_changed', user.id, { email: user.email });
    });
  }

  /**
   * Creates an admin with this email unless a user has it (the environment's first admin and
   * `rolecall admin create`). Never changes an existing user, so a restart cannot reset a password.
   */
  async ensureAdmin(email: string, password: string, actor: Actor): Promise<'created' | 'exists'> {
    if (await this.users.findByEmail(email)) return 'exists';
    try {
      await this.create({ email, role: 'admin', password }, actor);
      return 'created';
    } catch (err) {
      // Two processes booting at once: the other one created it.
      if (err instanceof DomainError && err.code === ErrorCode.Conflict) return 'exists';
      throw err;
    }
  }

  count(): Promise<number> {
    return this.users.count();
  }

  private async setPassword(user: AppUser, passwordHash: string, m: EntityManager): Promise<void> {
    user.passwordHash = passwordHash;
    user.failedSignIns = 0;
    user.lockedUntil = null;
    await this.users.save(user, m);
    await this.sessions.deleteForUser(user.id, m);
  }

  private async find(id: string): Promise<AppUser> {
    const user = await this.users.findById(id);
    if (!user) throw this.notFound(id);
    return user;
  }

  private notFound(id: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `no user with id "${id}"`);
  }

  private record(m: EntityManager, actor: Actor, action: string, subjectId: string, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({ actor, action, subjectType: 'user', subjectId, details }, m);
  }
}
