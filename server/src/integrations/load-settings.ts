import type { Integration } from './integration.entity';
import type { LoadSettings } from './integrations.schema';

/** The settings of an integration a run snapshots when it begins (and reads for the rest of the run). */
export function loadSettingsOf(i: Integration): LoadSettings {
  return {
    presetId: i.presetId,
    credentialId: i.credentialId,
    appName: i.appName,
    userSelection: i.userSelection,
    preference: i.preference,
    mappings: i.mappings,
    customFields: i.customFields,
    syncKeys: i.syncKeys,
    personRole: i.personRole,
    rateLimit: i.rateLimit,
    deactivationLimitPercent: i.deactivationLimitPercent,
  };
}
