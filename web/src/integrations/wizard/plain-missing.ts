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
 * `fieldLabels` are the catalog's inventory field labels (`externalId` → "External id"). A readiness item of the server ("mappings.externalId: SaaS users need the vendor id mapped")
 * in the admin's words ("Mapping of External id: SaaS users need the vendor id mapped"), with the
 * step that fixes it.
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
