import type { UseFormReturn } from 'react-hook-form';
import type { Catalog } from '../../api/catalog.api';
import type { CreateIntegration } from '../../api/integrations.api';
import { FormField } from '../../components/FormField';
import { PREFERENCE_LABELS, USER_SELECTION_LABELS } from '../integration-labels';
import { initialWizardValues, type WizardValues } from './wizard-values';

type Props = { form: UseFormReturn<WizardValues, unknown, CreateIntegration>; catalog: Catalog };

/** Step 1: which app, what to call the integration, and what a load creates. */
export function DetailsStep({ form, catalog }: Props) {
  const { register, formState, watch, setValue } = form;
  const errors = formState.errors;
  const preset = catalog.presets.find((p) => p.id === watch('presetId'));

  return (
    <fieldset className="form-section">
      <legend>Details</legend>
      <div className="form-grid">
        <FormField
          label="App"
          htmlFor="wizard-preset"
          error={errors.presetId?.message}
          hint={preset ? `${preset.description} Rate limit: ${preset.rateLimit.description}.` : undefined}
        >
          <select
            id="wizard-preset"
            className="input"
            {...register('presetId', {
              // Another app has other fields: start its mapping, sync keys and credential afresh.
              onChange: (e: { target: { value: string } }) => {
                const next = initialWizardValues(catalog.presets.find((p) => p.id === e.target.value));
                setValue('mappings', next.mappings);
                setValue('syncKeys', next.syncKeys);
                setValue('customFields', []);
                setValue('credentialId', '');
              },
            })}
          >
            {catalog.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Name" htmlFor="wizard-name" error={errors.name?.message} hint="How this integration is listed.">
          <input id="wizard-name" className="input" placeholder={`e.g. ${preset?.name ?? 'App'} users`} {...register('name')} />
        </FormField>
        <FormField
          label="App name in the inventory"
          htmlFor="wizard-app-name"
          optional
          error={errors.appName?.message}
          hint="Where its users land; defaults to the app’s name."
        >
          <input id="wizard-app-name" className="input" placeholder={preset?.name} {...register('appName')} />
        </FormField>
        <FormField
          label="User selection"
          htmlFor="wizard-selection"
          error={errors.userSelection?.message}
          hint={
            watch('userSelection') === 'user'
              ? 'Creates or updates People only, matched by email.'
              : 'Creates People and their SaaS user accounts in this app.'
          }
        >
          <select
            id="wizard-selection"
            className="input"
            {...register('userSelection', {
              // "User only" matches People by email, so the server would hold any other key as not ready.
              onChange: (e: { target: { value: string } }) => e.target.value === 'user' && setValue('syncKeys', ['email']),
            })}
          >
            {Object.entries(USER_SELECTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Preference" htmlFor="wizard-preference" error={errors.preference?.message}>
          <select id="wizard-preference" className="input" {...register('preference')}>
            {Object.entries(PREFERENCE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </FormField>
      </div>
    </fieldset>
  );
}
