import type { FieldMapping } from '../api/catalog.api';
import type {
  CustomField,
  Integration,
  LoadPreference,
  SyncKeyField,
  UpdateIntegration,
  UserSelection,
} from '../api/integrations.api';
import { fromScheduleDraft, toScheduleDraft, type ScheduleDraft } from './schedule-draft';

/**
 * An integration's editable settings as the edit form's inputs hold them. Keys are the API's where
 * the input maps onto one setting, so the server's schema errors land on the input that fixes them.
 */
export type IntegrationDraft = {
  name: string;
  appName: string;
  userSelection: UserSelection;
  preference: LoadPreference;
  /** '' = none chosen. */
  credentialId: string;
  /** '' = none. */
  personRole: string;
  schedule: ScheduleDraft;
  /** Both '' = the preset's own limit. */
  rateLimit: { requests: string; seconds: string };
  /** Share (%) of the app's users a run may deactivate without confirmation. */
  deactivationLimitPercent: string;
  /** Target (inventory field or `custom.<key>`) → mapping; an unmapped target has no key. */
  mappings: Record<string, FieldMapping>;
  customFields: CustomField[];
  /** In priority order: the first is tried first. */
  syncKeys: SyncKeyField[];
};

export const customTarget = (key: string) => `custom.${key}`;

export function toDraft(integration: Integration): IntegrationDraft {
  return {
    name: integration.name,
    appName: integration.appName,
    userSelection: integration.userSelection,
    preference: integration.preference,
    credentialId: integration.credentialId ?? '',
    personRole: integration.personRole ?? '',
    schedule: toScheduleDraft(integration.schedule),
    rateLimit: integration.rateLimit
      ? { requests: String(integration.rateLimit.requests), seconds: String(integration.rateLimit.perMs / 1000) }
      : { requests: '', seconds: '' },
    deactivationLimitPercent: String(integration.deactivationLimitPercent),
    mappings: integration.mappings,
    customFields: integration.customFields,
    syncKeys: [...integration.syncKeys].sort((a, b) => a.priority - b.priority).map((k) => k.field),
  };
}

/** Every editable setting as the API takes it; bad numbers go through so the API names the field. */
function toSettings(draft: IntegrationDraft): Required<Omit<UpdateIntegration, 'smartMapping'>> {
  const { requests, seconds } = draft.rateLimit;
  const noLimit = requests.trim() === '' && seconds.trim() === '';
  return {
    name: draft.name.trim(),
    appName: draft.appName.trim(),
    userSelection: draft.userSelection,
    preference: draft.preference,
    credentialId: draft.credentialId || null,
    personRole: draft.personRole.trim() || null,
    schedule: fromScheduleDraft(draft.schedule),
    rateLimit: noLimit
      ? null
      : { requests: Number(requests), perMs: Math.round(Number(seconds) * 1000) },
    // Empty is not 0%: it goes through as no number, so the schema asks for one.
    deactivationLimitPercent: draft.deactivationLimitPercent.trim() === '' ? NaN : Number(draft.deactivationLimitPercent),
    mappings: draft.mappings,
    customFields: draft.customFields,
    syncKeys: draft.syncKeys.map((field, i) => ({ field, priority: i + 1 })),
  };
}

/** The PATCH body: only the settings that differ from the saved integration. */
export function changedSettings(saved: Integration, draft: IntegrationDraft): UpdateIntegration {
  const next = toSettings(draft);
  const before = toSettings(toDraft(saved));
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) body[key] = next[key];
  }
  return body as UpdateIntegration;
}
