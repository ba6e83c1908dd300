import { smartMapping } from '@rolecall/presets/catalog';
import type { UseFormReturn } from 'react-hook-form';
import type { Catalog, FieldMapping } from '../../api/catalog.api';
import type { CreateIntegration } from '../../api/integrations.api';
import { FormField } from '../../components/FormField';
import { CustomFieldAdder } from '../CustomFieldAdder';
import { errorFor } from '../field-error';
import { customTarget } from '../integration-draft';
import { MappingEditor } from '../MappingEditor';
import { SyncKeysEditor } from '../SyncKeysEditor';
import { flatErrors } from '../flat-errors';
import { MappingPreview } from './MappingPreview';
import type { WizardValues } from './wizard-values';

type Props = { form: UseFormReturn<WizardValues, unknown, CreateIntegration>; catalog: Catalog };

/** Step 3: vendor fields onto inventory fields (Smart Mapping, custom fields), sync keys and a preview. */
export function MappingsStep({ form, catalog }: Props) {
  const { watch, setValue, register, formState } = form;
  const fieldErrors = flatErrors(formState.errors);
  const values = watch();
  const preset = catalog.presets.find((p) => p.id === values.presetId);
  const set = <K extends keyof WizardValues>(key: K, value: WizardValues[K]) => setValue(key, value as never, { shouldDirty: true, shouldValidate: formState.isSubmitted });

  function applySmartMapping() {
    if (!preset) return;
    const custom = Object.fromEntries(Object.entries(values.mappings).filter(([target]) => target.startsWith('custom.')));
    set('mappings', { ...(smartMapping(preset.fields, preset.defaultMapping).mappings as Record<string, FieldMapping>), ...custom });
  }

  function removeCustomField(key: string) {
    const mappings = { ...values.mappings };
    delete mappings[customTarget(key)];
    set('customFields', values.customFields.filter((f) => f.key !== key));
    set('mappings', mappings);
  }

  return (
    <>
      <fieldset className="form-section">
        <legend>Mappings</legend>
        <div className="form-actions">
          <button type="button" className="btn" onClick={applySmartMapping}>
            Smart Mapping
          </button>
          <button type="button" className="btn" onClick={() => preset && set('mappings', { ...preset.defaultMapping })}>
            Reset to the default mapping
          </button>
          <span className="text-muted">Smart Mapping matches fields by name and type, and keeps the default where it finds nothing better.</span>
        </div>
        <MappingEditor
          mappings={values.mappings}
          customFields={values.customFields}
          inventoryFields={catalog.inventoryFields}
          preset={preset}
          fieldErrors={fieldErrors}
          onChange={(mappings) => set('mappings', mappings)}
          onRemoveCustomField={removeCustomField}
        />
        <CustomFieldAdder existing={values.customFields} onAdd={(field) => set('customFields', [...values.customFields, field])} />
      </fieldset>

      <fieldset className="form-section">
        <legend>Matching</legend>
        <div className="form-grid">
          <SyncKeysEditor
            value={values.syncKeys}
            onChange={(syncKeys) => set('syncKeys', syncKeys)}
            error={errorFor(fieldErrors, 'syncKeys')}
            allowed={values.userSelection === 'user' ? ['email'] : (preset?.syncKeyFields ?? [])}
          />
          <FormField
            label="People role"
            htmlFor="wizard-person-role"
            optional
            error={errorFor(fieldErrors, 'personRole')}
            hint="Role given to the People this load creates, e.g. Learner."
          >
            <input id="wizard-person-role" className="input" {...register('personRole')} />
          </FormField>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Preview</legend>
        <MappingPreview presetId={values.presetId} credentialId={values.credentialId} mappings={values.mappings} customFields={values.customFields} />
      </fieldset>
    </>
  );
}
