import type { CatalogPreset, FieldMapping } from '../../api/catalog.api';
import type { CreateIntegration, CustomField, LoadPreference, SyncKeyField, UserSelection } from '../../api/integrations.api';
import { fromScheduleDraft, type ScheduleDraft } from '../schedule-draft';

/** The wizard's inputs across its steps: strings, '' meaning "not set". */
export type WizardValues = {
  name: string;
  presetId: string;
  appName: string;
  userSelection: UserSelection;
  preference: LoadPreference;
  credentialId: string;
  mappings: Record<string, FieldMapping>;
  customFields: CustomField[];
  /** Priority order: the first is tried first. */
  syncKeys: SyncKeyField[];
  personRole: string;
  schedule: ScheduleDraft;
};

/** Daily at 02:00 in the admin's own time zone: quiet hours, read the way they read a clock. */
export function dailyAtTwo(timezone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'): ScheduleDraft {
  return { kind: 'cron', every: '1', unit: 'd', cron: '0 2 * * *', timezone };
}

export function initialWizardValues(preset: CatalogPreset | undefined): WizardValues {
  return {
    name: '',
    presetId: preset?.id ?? '',
    appName: '',
    userSelection: 'user_plus_saas_user',
    preference: 'create_update',
    credentialId: '',
    mappings: { ...(preset?.defaultMapping ?? {}) },
    customFields: [],
    syncKeys: preset?.syncKeyFields.slice(0, 1) ?? [],
    personRole: '',
    schedule: dailyAtTwo(),
  };
}

/** The create body the server validates: unset optional settings are left out. */
export function toCreateBody(values: WizardValues): CreateIntegration {
  return {
    name: values.name.trim(),
    presetId: values.presetId,
    ...(values.credentialId ? { credentialId: values.credentialId } : {}),
    ...(values.appName.trim() ? { appName: values.appName.trim() } : {}),
    userSelection: values.userSelection,
    preference: values.preference,
    mappings: values.mappings,
    customFields: values.customFields,
    syncKeys: values.syncKeys.map((field, i) => ({ field, priority: i + 1 })),
    ...(values.personRole.trim() ? { personRole: values.personRole.trim() } : {}),
    schedule: fromScheduleDraft(values.schedule),
  };
}
