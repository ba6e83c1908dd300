import type { ReactNode } from 'react';
import { FormField } from '../components/FormField';
import { errorFor } from './field-error';
import { scheduleSummary } from './integration-labels';
import { fromScheduleDraft, type ScheduleDraft, type ScheduleUnit } from './schedule-draft';

type Props = {
  value: ScheduleDraft;
  onChange: (value: ScheduleDraft) => void;
  fieldErrors: Record<string, string>;
  /** More fields in the same grid after the schedule's own. */
  children?: ReactNode;
};

const UNIT_LABELS: Record<ScheduleUnit, string> = { m: 'minutes', h: 'hours', d: 'days' };
const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/** "Schedule" section: every N minutes/hours/days or a 5-field cron, in a time zone. */
export function ScheduleFields({ value, onChange, fieldErrors, children }: Props) {
  const set = (patch: Partial<ScheduleDraft>) => onChange({ ...value, ...patch });

  return (
    <fieldset className="form-section">
      <legend>Schedule</legend>
      <div className="form-grid">
        <div className="field">
          <span className="field-label" id="schedule-kind-label">
            Runs
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby="schedule-kind-label">
            <label className={value.kind === 'interval' ? 'segment segment-active' : 'segment'}>
              <input
                type="radio"
                name="schedule-kind"
                checked={value.kind === 'interval'}
                onChange={() => set({ kind: 'interval' })}
              />
              Every…
            </label>
            <label className={value.kind === 'cron' ? 'segment segment-active' : 'segment'}>
              <input type="radio" name="schedule-kind" checked={value.kind === 'cron'} onChange={() => set({ kind: 'cron' })} />
              Cron
            </label>
          </div>
        </div>
        {value.kind === 'interval' ? (
          <FormField label="Every" htmlFor="schedule-every" error={errorFor(fieldErrors, 'schedule')}>
            <div className="input-group">
              <input
                id="schedule-every"
                className="input input-number"
                type="number"
                min={1}
                value={value.every}
                onChange={(e) => set({ every: e.target.value })}
              />
              <select
                className="input"
                aria-label="Unit"
                value={value.unit}
                onChange={(e) => set({ unit: e.target.value as ScheduleUnit })}
              >
                {(Object.keys(UNIT_LABELS) as ScheduleUnit[]).map((u) => (
                  <option key={u} value={u}>
                    {UNIT_LABELS[u]}
                  </option>
                ))}
              </select>
            </div>
          </FormField>
        ) : (
          <FormField
            label="Cron expression"
            htmlFor="schedule-cron"
            error={errorFor(fieldErrors, 'schedule')}
            hint="Five fields: minute hour day-of-month month day-of-week."
          >
            <input id="schedule-cron" className="input" value={value.cron} onChange={(e) => set({ cron: e.target.value })} />
          </FormField>
        )}
        <FormField
          label="Time zone"
          htmlFor="schedule-timezone"
          error={errorFor(fieldErrors, 'schedule.timezone')}
          hint={`Summary: ${scheduleSummary(fromScheduleDraft(value))}`}
        >
          <input
            id="schedule-timezone"
            className="input"
            list="time-zones"
            value={value.timezone}
            onChange={(e) => set({ timezone: e.target.value })}
          />
          <datalist id="time-zones">
            {TIME_ZONES.map((tz) => (
              <option key={tz} value={tz} />
            ))}
          </datalist>
        </FormField>
        {children}
      </div>
    </fieldset>
  );
}
