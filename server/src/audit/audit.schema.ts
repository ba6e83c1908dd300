import { z } from 'zod';

/**
 * Who did something: a signed-in user, an API token (and the user it belongs to), or the system
 * itself (`schedule`, `event`, `demo`, `cli`) for work no person started.
 */
export const ActorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), id: z.uuid(), name: z.string() }),
  z.object({ kind: z.literal('token'), id: z.uuid(), name: z.string(), userId: z.uuid() }),
  z.object({ kind: z.literal('system'), name: z.string() }),
]);
export type Actor = z.infer<typeof ActorSchema>;

export const AuditActorKindSchema = z.enum(['user', 'token', 'system']);

/** Filters of the audit log; each has an index. `actor` matches the user or token id, or a system actor's name. */
export const AuditFilterSchema = z.object({
  actor: z.string().trim().min(1).max(200).optional(),
  /** Exact action (`credential.created`) or a prefix ending in a dot (`credential.`). */
  action: z.string().trim().min(1).max(100).optional(),
  /** Subject id, optionally with its type: `credential:<id>` or `<id>`. */
  target: z.string().trim().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditQuerySchema = AuditFilterSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEventViewSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actorKind: AuditActorKindSchema,
  /** User or token id; null for the system. */
  actorId: z.uuid().nullable(),
  /** Email of the user, name of the token, or the system actor's name. */
  actorName: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof AuditEventViewSchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditEventViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
