import { z } from 'zod';

function isIanaTimeZone(zone: string): boolean {
  // Intl throws RangeError for unknown zones, in browsers and Node alike.
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

const Duration = z.string().regex(/^[1-9]\d*(m|h|d)$/, 'must look like 30m, 6h or 1d');

/** When a scheduled workflow fires: every N minutes/hours/days, or a 5-field cron expression. */
export const ScheduleSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('interval'), every: Duration }),
  z.object({ kind: z.literal('cron'), cron: z.string().trim().regex(/^\S+( \S+){4}$/, 'must be a 5-field cron expression like "0 3 * * *"') }),
]);

/** The inventory events a workflow can react to (the inventory_event outbox). */
export const TriggerEventSchema = z.enum(['saasUser.created', 'saasUser.deactivated', 'person.offboarded']);
export type TriggerEvent = z.infer<typeof TriggerEventSchema>;

/** What starts a run: a Temporal Schedule, an inventory event, or an admin (Run now / Dry run). */
export const TriggerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('schedule'),
    schedule: ScheduleSpecSchema,
    timeZone: z.string().refine(isIanaTimeZone, 'must be an IANA time zone such as Europe/Berlin').default('UTC'),
    /** How late a missed run (server down) may still start; older ones are skipped. */
    catchupWindow: Duration.default('1h'),
  }),
  z.object({ kind: z.literal('event'), event: TriggerEventSchema }),
  z.object({ kind: z.literal('manual') }),
]);
export type Trigger = z.infer<typeof TriggerSchema>;
