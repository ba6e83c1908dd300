import type { UseFormReturn } from 'react-hook-form';
import type { CreateIntegration } from '../../api/integrations.api';
import { FormField } from '../../components/FormField';
import { ScheduleFields } from '../ScheduleFields';
import { fromScheduleDraft } from '../schedule-draft';
import { flatErrors } from '../flat-errors';
import { dailyCron, dailyTime, schedulePreview } from './schedule-preview';
import { dailyAtTwo, type WizardValues } from './wizard-values';

type Props = { form: UseFormReturn<WizardValues, unknown, CreateIntegration> };

/** Step 4: when loads run: daily at a time by default, or any interval or cron. */
export function ScheduleStep({ form }: Props) {
  const schedule = form.watch('schedule');
  const time = schedule.kind === 'cron' ? dailyTime(schedule.cron) : undefined;
  const daily = time !== undefined;
  const set = (next: WizardValues['schedule']) => form.setValue('schedule', next, { shouldDirty: true });

  return (
    <>
      <fieldset className="form-section">
        <legend>Schedule</legend>
        <div className="form-grid">
          <div className="field field-checkbox">
            <label>
              <input
                type="checkbox"
                checked={daily}
                onChange={(e) => set(e.target.checked ? dailyAtTwo(schedule.timezone) : { ...schedule, kind: 'interval', every: '1', unit: 'd' })}
              />
              Once a day at a set time
            </label>
          </div>
          {daily && (
            <FormField label="Time of day" htmlFor="wizard-daily-time">
              <input id="wizard-daily-time" className="input" type="time" value={time} onChange={(e) => set({ ...schedule, cron: dailyCron(e.target.value) })} />
            </FormField>
          )}
        </div>
      </fieldset>
      {!daily && <ScheduleFields value={schedule} onChange={set} fieldErrors={flatErrors(form.formState.errors)} />}
      {daily && (
        <FormField label="Time zone" htmlFor="wizard-timezone">
          <input id="wizard-timezone" className="input" value={schedule.timezone} onChange={(e) => set({ ...schedule, timezone: e.target.value })} />
        </FormField>
      )}
      <p className="schedule-preview" data-testid="schedule-preview">
        Loads run <strong>{schedulePreview(fromScheduleDraft(schedule))}</strong>, once launched.
      </p>
    </>
  );
}
