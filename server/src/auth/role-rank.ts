import type { Role } from './auth.schema';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** True when `role` may do what `required` may. */
export const roleAtLeast = (role: Role, required: Role): boolean => RANK[role] >= RANK[required];

/** The lower of two roles: a token never acts above its owner's current role. */
export const lowerRole = (a: Role, b: Role): Role => (RANK[a] <= RANK[b] ? a : b);
