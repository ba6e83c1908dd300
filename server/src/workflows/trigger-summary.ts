import { BeginDataSchema, type GraphDraft, type Trigger } from '@rolecall/workflows/graph';
import type { WorkflowListItem } from './workflows.schema';

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

/** The trigger of the draft's (first) Begin; a draft still being drawn may have none or an invalid one. */
export function draftTrigger(graph: GraphDraft): WorkflowListItem['trigger'] {
  const begin = graph.nodes.find((n) => n.type === 'begin');
  const data = begin ? BeginDataSchema.shape.trigger.safeParse((begin.data as { trigger?: unknown } | null)?.trigger) : null;
  if (!data?.success) return { kind: null, summary: begin ? 'Begin not set up yet' : 'No Begin block yet' };
  return { kind: data.data.kind, summary: summarizeTrigger(data.data) };
}
