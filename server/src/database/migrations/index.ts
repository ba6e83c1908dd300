import { CreateAuditEvent1764150000000 } from './1764150000000-CreateAuditEvent';

/** Every migration in order. Landed migrations are never edited; add a new one instead. */
export const MIGRATIONS = [CreateAuditEvent1764150000000];
