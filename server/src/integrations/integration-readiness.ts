import { ErrorCode } from '@rolecall/presets';
import { DomainError } from '../common/domain-error';
import type { Integration } from './integration.entity';

/**
 * What an integration still lacks before it can run (Launch / Run now); empty = ready.
 * Messages name the setting so the UI can point at it.
 */
export function missingSettings(i: Pick<Integration, 'credentialId' | 'mappings' | 'syncKeys' | 'userSelection' | 'customFields'>): string[] {
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
export function assertReady(integration: Pick<Integration, 'name' | 'credentialId' | 'mappings' | 'syncKeys' | 'userSelection' | 'customFields'>): void {
  const missing = missingSettings(integration);
  if (missing.length > 0) {
    throw new DomainError(ErrorCode.Unprocessable, `integration "${integration.name}" is not ready: ${missing.join('; ')}`, { missing });
  }
}
