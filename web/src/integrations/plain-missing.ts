import type { Catalog } from '../api/catalog.api';

/** Which wizard step fixes a setting, and how the admin calls it. */
const SETTINGS: Record<string, { label: string; step: WizardStepId }> = {
  credentialId: { label: 'Credential', step: 'connect' },
  mappings: { label: 'Mappings', step: 'mappings' },
  syncKeys: { label: 'Sync keys', step: 'mappings' },
  customFields: { label: 'Custom fields', step: 'mappings' },
  schedule: { label: 'Schedule', step: 'schedule' },
};

export type WizardStepId = 'details' | 'connect' | 'mappings' | 'schedule' | 'finish';

/**
 * A readiness item of the server ("mappings.externalId: SaaS users need the vendor id mapped") in
 * the admin's words ("Mapping of External id: SaaS users need the vendor id mapped"), with the
 * wizard step that fixes it. The one wording of what a draft lacks: the detail and edit pages, the
 * Run now / Launch tooltips and the wizard all name missing items through it.
 * `fieldLabels` are the catalog's inventory field labels (`externalId` → "External id").
 */
export function plainMissing(item: string, fieldLabels: Readonly<Record<string, string>> = {}): { text: string; step: WizardStepId } {
  const match = /^([a-zA-Z]+)(?:\.([\w.]+))?: (.*)$/.exec(item);
  if (!match) return { text: item, step: 'finish' };
  const [, setting = '', target, reason = ''] = match;
  const known = SETTINGS[setting];
  if (!known) return { text: item, step: 'finish' };
  const field = target?.startsWith('custom.') ? target.slice('custom.'.length) : target;
  const fieldLabel = field ? (fieldLabels[field] ?? field) : undefined;
  const label = fieldLabel ? `Mapping of ${fieldLabel}` : known.label;
  return { text: `${label}: ${reason}`, step: known.step };
}

/** The catalog's inventory field labels by key, as plainMissing takes them. */
export function inventoryFieldLabels(fields: Catalog['inventoryFields'] = []): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.key, f.label]));
}
