import type { Trigger } from './trigger.schema';

const EVENT_SUMMARY: Record<Extract<Trigger, { kind: 'event' }>['event'], string> = {
  'saasUser.created': 'When a SaaS user is created',
  'saasUser.deactivated': 'When a SaaS user is deactivated',
  'person.offboarded': 'When a person is offboarded',
};

const UNIT = { m: 'minute', h: 'hour', d: 'day' } as const;

function everySummary(every: string): string {
  const count = Number(every.slice(0, -1));
  const unit = UNIT[every.slice(-1) as keyof typeof UNIT];
  return count === 1 ? `Every ${unit}` : `Every ${count} ${unit}s`;
}

const pad = (n: string) => n.padStart(2, '0');

/** "0 2 * * *" reads as "Every day at 02:00"; any other cron is shown as written. */
function cronSummary(cron: string): string {
  const [minute, hour, dayOfMonth, month, dayOfWeek] = cron.split(' ');
  const daily = dayOfMonth === '*' && month === '*' && dayOfWeek === '*' && /^\d+$/.test(minute!) && /^\d+$/.test(hour!);
  return daily ? `Every day at ${pad(hour!)}:${pad(minute!)}` : `Cron "${cron}"`;
}

/** A trigger in an admin's words: "Every day at 02:00 Europe/Berlin", "When a person is offboarded", "Manual". */
export function summarizeTrigger(trigger: Trigger): string {
  switch (trigger.kind) {
    case 'manual':
      return 'Manual';
    case 'event':
      return EVENT_SUMMARY[trigger.event];
    case 'schedule': {
      const when = trigger.schedule.kind === 'interval' ? everySummary(trigger.schedule.every) : cronSummary(trigger.schedule.cron);
      return `${when} ${trigger.timeZone}`;
    }
  }
}

