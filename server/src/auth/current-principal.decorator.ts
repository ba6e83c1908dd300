import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '../audit/audit.schema';
import type { AuthenticatedRequest, Principal } from './principal';

function principalOf(ctx: ExecutionContext): Principal {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // AuthGuard runs first on every non-public route; reaching here without one is a wiring bug.
  if (!principal) throw new Error('no principal on the request: is the route public?');
  return principal;
}

/** The signed-in caller (only on routes that are not public). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => principalOf(ctx));

/** The caller on a public route when they presented a valid session or token; undefined otherwise. */
export const OptionalPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | undefined => ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);

/** Who the audit rows of this request name; controllers pass it into services. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => principalOf(ctx).actor);
