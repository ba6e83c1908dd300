import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@rolecall/presets';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import { ACCESS_METADATA, type Access } from './access.decorator';
import { readCookie, SESSION_COOKIE } from './auth-cookies';
import { CSRF_HEADER, csrfTokenFor } from './csrf';
import { CSRF_EXEMPT_METADATA } from './csrf-exempt.decorator';
import type { AuthenticatedRequest, Principal } from './principal';
import { roleAtLeast } from './role-rank';
import { sameSecret } from './secret-token';
import { SessionsService } from './sessions.service';
import { TokensService } from './tokens.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard: deny by default. A route runs only if it declares its access (`@Allow(role)`
 * or `@Public()`) and the caller meets it. Callers are a session cookie (writes also need the
 * X-CSRF-Token header) or `Authorization: Bearer <API token>` (no CSRF: browsers never add it).
 * Public routes run for anyone; a caller who presents valid credentials there is still known.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly tokens: TokensService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [ctx.getHandler(), ctx.getClass()]);
    // Unreachable once RouteAccessCheck passed at boot; kept so a route can never fall through open.
    if (!access) throw new DomainError(ErrorCode.Forbidden, 'this route declares no access role and is refused');
    const req = ctx.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    if (access === 'public') {
      // A public route may still tell a signed-in caller more (health names unreadable credentials).
      req.principal = await this.authenticate(req).catch(() => undefined);
      return true;
    }
    const principal = await this.authenticate(req);
    const exempt = this.reflector.get<boolean | undefined>(CSRF_EXEMPT_METADATA, ctx.getHandler());
    if (principal.via === 'session' && !SAFE_METHODS.has(req.method) && !exempt) this.checkCsrf(req);
    if (!roleAtLeast(principal.role, access)) {
      throw new DomainError(ErrorCode.Forbidden, `this needs the ${access} role; you are ${principal.role}. Ask an admin to change your role.`);
    }
    req.principal = principal;
    return true;
  }

  private async authenticate(req: Request): Promise<Principal> {
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const [scheme, token] = authorization.split(' ');
      const principal = scheme?.toLowerCase() === 'bearer' && token ? await this.tokens.authenticate(token) : null;
      if (!principal) throw new DomainError(ErrorCode.Unauthenticated, 'the API token is unknown, expired or revoked; create a new one under Settings → API tokens');
      return principal;
    }
    const cookie = readCookie(req, SESSION_COOKIE);
    const principal = cookie ? await this.sessions.authenticate(cookie) : null;
    if (!principal) {
      throw new DomainError(
        ErrorCode.Unauthenticated,
        cookie ? 'your session has ended; sign in again' : 'sign in first (POST /api/auth/login), or send Authorization: Bearer <API token>',
      );
    }
    return principal;
  }

  /** The session's CSRF token must come back in a header, which a page on another site cannot set. */
  private checkCsrf(req: Request): void {
    const sent = req.headers[CSRF_HEADER];
    const cookie = readCookie(req, SESSION_COOKIE)!;
    if (typeof sent !== 'string' || !sameSecret(sent, csrfTokenFor(cookie))) {
      throw new DomainError(ErrorCode.Forbidden, 'missing or wrong X-CSRF-Token header: send the value of the rolecall_csrf cookie with every write');
    }
  }
}
