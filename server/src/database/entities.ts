import { AuditEvent } from '../audit/audit-event.entity';

/** Every entity, listed explicitly so builds never depend on file globs. */
export const ENTITIES = [AuditEvent];
