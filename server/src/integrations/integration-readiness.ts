import { ErrorCode, findPreset, INVENTORY_FIELD_LABELS } from '@rolecall/presets';
import { DomainError } from '../common/domain-error';
import type { Integration } from './integration.entity';

type ReadinessInput = Pick<Integration, 'presetId' | 'credentialId' | 'mappings' | 'syncKeys' | 'userSelection' | 'customFields'>;

/**
 * Sync keys the preset cannot back: a field the vendor does not document as unique would merge
 * different users into one record, and one only a per-user call returns is empty in every load.
 */
function unusableSyncKeys(i: ReadinessInput): string[] {
  const preset = findPreset(i.presetId);
  if (!preset) return [];
  const problems: string[] = [];
  const detailOnly = new Set(preset.fields.filter((f) => f.needsDetailCall).map((f) => f.key));
  const allowed = preset.syncKeyFields.map((f) => INVENTORY_FIELD_LABELS[f].toLowerCase()).join(' or ');
  for (const key of i.syncKeys) {
    const label = INVENTORY_FIELD_LABELS[key.field].toLowerCase();
    // "User only" loads key People by email, which Rolecall itself keeps unique; duplicate emails
    // in one listing go to the error log instead of merging.
    const personEmail = i.userSelection === 'user' && key.field === 'email';
    if (!personEmail && !preset.syncKeyFields.includes(key.field)) {
      problems.push(`syncKeys: ${preset.name} does not guarantee that ${label} is unique, so it cannot be a sync key; use ${allowed}`);
    }
    const from = i.mappings[key.field]?.from ?? [];
    if (from.length > 0 && from.every((path) => detailOnly.has(path))) {
      problems.push(
        `syncKeys: ${preset.name}'s user list does not include ${from.join(', ')}, so the sync key ${label} would be empty for every user; use ${allowed}`,
      );
    }
  }
  return problems;
}

/**
 * What an integration still lacks before it can run (Launch / Run now); empty = ready.
 * Messages name the setting so the UI can point at it.
 */
export function missingSettings(i: ReadinessInput): string[] {
  const missing: string[] = [];
  if (!i.credentialId) missing.push('credentialId: choose the credential the load signs in with');
  if (Object.keys(i.mappings).length === 0) missing.push('mappings: map at least one vendor field');
  if (i.syncKeys.length === 0) missing.push('syncKeys: choose at least one sync key (a unique field)');
  if (i.userSelection === 'user' && i.syncKeys.some((k) => k.field !== 'email')) {
    missing.push('syncKeys: "User only" loads match People by email; use email as the sync key');
  }
  if (i.userSelection === 'user_plus_saas_user' && !i.mappings.externalId) {
    missing.push('mappings.externalId: SaaS users need the vendor id mapped');
  }
  for (const key of i.syncKeys) {
    if (!i.mappings[key.field]) missing.push(`mappings.${key.field}: the sync key ${key.field} must be mapped`);
  }
  missing.push(...unusableSyncKeys(i));
  const priorities = i.syncKeys.map((k) => k.priority);
  if (new Set(priorities).size !== priorities.length) missing.push('syncKeys: priorities must differ');
  const customKeys = new Set(i.customFields.map((f) => f.key));
  for (const target of Object.keys(i.mappings)) {
    if (target.startsWith('custom.') && !customKeys.has(target.slice('custom.'.length))) {
      missing.push(`mappings.${target}: declare the custom field in customFields`);
    }
  }
  return missing;
}

/** 422 listing what is missing, unless the integration can run. */
export function assertReady(integration: ReadinessInput & Pick<Integration, 'name'>): void {
  const missing = missingSettings(integration);
  if (missing.length > 0) {
    throw new DomainError(ErrorCode.Unprocessable, `integration "${integration.name}" is not ready: ${missing.join('; ')}`, { missing });
  }
}
