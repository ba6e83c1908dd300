import { SetMetadata } from '@nestjs/common';
import type { Role } from './auth.schema';

/** What a route requires: the lowest role that may call it, or `public` for anyone. */
export type Access = Role | 'public';

export const ACCESS_METADATA = 'rolecall:access';

/**
 * Declares the lowest role that may call a route (on a handler, or on a controller for all its
 * handlers). Routes without a declaration are refused and stop the boot: nothing ships open by accident.
 */
export const Allow = (role: Role) => SetMetadata(ACCESS_METADATA, role satisfies Access);

/** A route anyone may call without signing in (sign-in itself, the health probe). */
export const Public = () => SetMetadata(ACCESS_METADATA, 'public' satisfies Access);
