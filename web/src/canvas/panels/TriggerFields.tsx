import { TriggerEventSchema, TriggerSchema, summarizeTrigger, type Trigger, type TriggerEvent } from '@rolecall/workflows/graph';
import { FormField } from '../../components/FormField';

type Props = { nodeId: string; trigger: Trigger; onChange: (trigger: Trigger) => void; error?: string; readOnly?: boolean };

type ScheduleTrigger = Extract<Trigger, { kind: 'schedule' }>;
type ScheduleMode = 'daily' | 'hours' | 'cron';

const DAILY = /^(\d{1,2}) (\d{1,2}) \* \* \*$/;
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

function modeOf(t: ScheduleTrigger): ScheduleMode {
  if (t.schedule.kind === 'interval') return 'hours';
  return DAILY.test(t.schedule.cron) ? 'daily' : 'cron';
}

/** "02:00" from a daily cron "0 2 * * *". */
function timeOf(t: ScheduleTrigger): string {
  const match = t.schedule.kind === 'cron' ? DAILY.exec(t.schedule.cron) : null;
  return match ? `${match[2]!.padStart(2, '0')}:${match[1]!.padStart(2, '0')}` : '02:00';
}

const dailyCron = (time: string) => {
  const [h = '2', m = '0'] = time.split(':');
  return `${Number(m)} ${Number(h)} * * *`;
};

function newTrigger(kind: Trigger['kind']): Trigger {
  if (kind === 'schedule') return { kind, schedule: { kind: 'cron', cron: '0 2 * * *' }, timeZone: browserZone(), catchupWindow: '1h' };
  if (kind === 'event') return { kind, event: 'saasUser.created' };
  return { kind: 'manual' };
}

/** What starts a run: by hand, on a schedule (with a readable preview), or on an inventory event. */
export function TriggerFields({ nodeId, trigger, onChange, error, readOnly }: Props) {
  const id = (f: string) => `${nodeId}-trigger-${f}`;
  const parsed = TriggerSchema.safeParse(trigger);
  const preview = parsed.success ? summarizeTrigger(parsed.data) : undefined;

  return (
    <fieldset className="panel-group">
      <legend className="field-label">Trigger</legend>
      <FormField label="Starts" htmlFor={id('kind')} error={error}>
        <select id={id('kind')} className="input" value={trigger.kind} disabled={readOnly} onChange={(e) => onChange(newTrigger(e.target.value as Trigger['kind']))}>
          <option value="manual">By hand (Run now)</option>
          <option value="schedule">On a schedule</option>
          <option value="event">When something happens in the inventory</option>
        </select>
      </FormField>
      {trigger.kind === 'schedule' && <ScheduleFields id={id} trigger={trigger} onChange={onChange} readOnly={readOnly} />}
      {trigger.kind === 'event' && (
        <FormField label="Event" htmlFor={id('event')}>
          <select id={id('event')} className="input" value={trigger.event} disabled={readOnly} onChange={(e) => onChange({ kind: 'event', event: e.target.value as TriggerEvent })}>
            {TriggerEventSchema.options.map((event) => (
              <option key={event} value={event}>
                {summarizeTrigger({ kind: 'event', event })}
              </option>
            ))}
          </select>
        </FormField>
      )}
      {preview && (
        <p className="trigger-preview" data-testid={`${nodeId}-trigger-preview`}>
          Runs: {preview}
        </p>
      )}
    </fieldset>
  );
}

function ScheduleFields({ id, trigger, onChange, readOnly }: { id: (f: string) => string; trigger: ScheduleTrigger; onChange: (t: Trigger) => void; readOnly?: boolean }) {
  const mode = modeOf(trigger);
  const set = (schedule: ScheduleTrigger['schedule']) => onChange({ ...trigger, schedule });
  const pickMode = (next: ScheduleMode) =>
    set(next === 'hours' ? { kind: 'interval', every: '6h' } : { kind: 'cron', cron: next === 'daily' ? dailyCron(timeOf(trigger)) : '0 2 * * 1' });
  const hours = trigger.schedule.kind === 'interval' ? trigger.schedule.every : '6h';

  return (
    <>
      <FormField label="Repeat" htmlFor={id('mode')}>
        <select id={id('mode')} className="input" value={mode} disabled={readOnly} onChange={(e) => pickMode(e.target.value as ScheduleMode)}>
          <option value="daily">Every day at a time</option>
          <option value="hours">Every few hours</option>
          <option value="cron">Custom (cron)</option>
        </select>
      </FormField>
      {mode === 'daily' && (
        <FormField label="Time" htmlFor={id('time')}>
          <input id={id('time')} className="input" type="time" value={timeOf(trigger)} disabled={readOnly} onChange={(e) => set({ kind: 'cron', cron: dailyCron(e.target.value) })} />
        </FormField>
      )}
      {mode === 'hours' && (
        <FormField label="Every (hours)" htmlFor={id('hours')}>
          <input
            id={id('hours')}
            className="input input-number"
            type="number"
            min={1}
            max={168}
            value={Number(hours.replace(/\D/g, '')) || ''}
            disabled={readOnly}
            onChange={(e) => set({ kind: 'interval', every: `${Math.max(1, Number(e.target.value) || 1)}h` })}
          />
        </FormField>
      )}
      {mode === 'cron' && trigger.schedule.kind === 'cron' && (
        <FormField label="Cron expression" htmlFor={id('cron')} hint="Five fields: minute hour day month weekday, e.g. 0 2 * * 1 for Mondays at 02:00.">
          <input id={id('cron')} className="input" value={trigger.schedule.cron} disabled={readOnly} onChange={(e) => set({ kind: 'cron', cron: e.target.value })} />
        </FormField>
      )}
      <FormField label="Time zone" htmlFor={id('zone')}>
        <input id={id('zone')} className="input" list={id('zones')} value={trigger.timeZone} disabled={readOnly} onChange={(e) => onChange({ ...trigger, timeZone: e.target.value })} />
        <datalist id={id('zones')}>
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </FormField>
    </>
  );
}
