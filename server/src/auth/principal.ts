import type { Actor } from '../audit/audit.schema';
import type { Role } from './auth.schema';
import type { AppUser } from './user.entity';

/** The authenticated caller of one request, attached by AuthGuard. */
export interface Principal {
  user: Pick<AppUser, 'id' | 'email' | 'name'>;
  /** Effective role: the user's, or for a token the lower of the token's and its owner's. */
  role: Role;
  via: 'session' | 'token';
  /** Who audit rows name: the user, or the token (and its owner). */
  actor: Actor;
  /** SHA-256 of the session cookie, so sign-out and password change can end this very session. */
  sessionHash?: Buffer;
}

/** Express request as seen after AuthGuard. */
export interface AuthenticatedRequest {
  principal?: Principal;
}
