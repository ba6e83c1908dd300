import type { TokenWithUser } from './api-token.repository';
import type { TokenView } from './auth.schema';

export const toTokenView = (t: TokenWithUser): TokenView => ({
  id: t.id,
  name: t.name,
  role: t.role,
  userId: t.userId,
  userEmail: t.user.email,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});
