import type { Schedule } from '../api/integrations.api';

export type ScheduleUnit = 'm' | 'h' | 'd';

/** A schedule as its inputs hold it: both kinds' values are kept so switching back loses nothing. */
export type ScheduleDraft = {
  kind: Schedule['kind'];
  every: string;
  unit: ScheduleUnit;
  cron: string;
  timezone: string;
};

export const DEFAULT_SCHEDULE_DRAFT: ScheduleDraft = { kind: 'interval', every: '1', unit: 'd', cron: '0 3 * * *', timezone: 'UTC' };

export function toScheduleDraft(schedule: Schedule): ScheduleDraft {
  if (schedule.kind === 'cron') return { ...DEFAULT_SCHEDULE_DRAFT, kind: 'cron', cron: schedule.cron, timezone: schedule.timezone };
  const match = /^(\d+)([mhd])$/.exec(schedule.every);
  return {
    ...DEFAULT_SCHEDULE_DRAFT,
    every: match?.[1] ?? schedule.every,
    unit: (match?.[2] as ScheduleUnit | undefined) ?? 'd',
    timezone: schedule.timezone,
  };
}

/** The schedule to send; the API validates the values (e.g. a non-positive interval). */
export function fromScheduleDraft(draft: ScheduleDraft): Schedule {
  return draft.kind === 'interval'
    ? { kind: 'interval', every: `${draft.every.trim()}${draft.unit}`, timezone: draft.timezone.trim() }
    : { kind: 'cron', cron: draft.cron.trim(), timezone: draft.timezone.trim() };
}
