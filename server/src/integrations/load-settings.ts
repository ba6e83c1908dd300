import type { Integration } from './integration.entity';
import { LoadSettingsSchema, type LoadSettings } from './integrations.schema';

const KEYS = LoadSettingsSchema.keyof().options;

/** The settings of an integration a run snapshots when it begins (and reads for the rest of the run). */
export function loadSettingsOf(integration: Integration): LoadSettings {
  // Copied as stored, not re-parsed: the schema names the fields, the entity already holds valid values.
  return Object.fromEntries(KEYS.map((key) => [key, integration[key]])) as LoadSettings;
}
