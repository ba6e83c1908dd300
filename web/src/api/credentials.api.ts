import type { CreateCredential, CredentialTestResult, CredentialView, UpdateCredential } from '@rolecall/server/api';
import { apiRequest, toQuery } from './api-client';

// Types only: the server's schemas are the one definition; no server code is bundled.
export type { CreateCredential, CredentialTestResult, UpdateCredential };
/** A credential as the API shows it: secrets only as masks, never in clear. */
export type Credential = CredentialView;

export function listCredentials(presetId?: string, signal?: AbortSignal): Promise<Credential[]> {
  return apiRequest('GET', `/credentials${toQuery({ presetId })}`, { signal });
}

export function createCredential(body: CreateCredential): Promise<Credential> {
  return apiRequest('POST', '/credentials', { body });
}

export function deleteCredential(id: string): Promise<void> {
  return apiRequest('DELETE', `/credentials/${id}`);
}

/** Runs the preset's cheapest signed-in call; a failing test resolves with ok=false. */
export function testCredential(id: string): Promise<CredentialTestResult> {
  return apiRequest('POST', `/credentials/${id}/test`);
}

/** Tests settings not saved yet (the create body); nothing is stored. */
export function testUnsavedCredential(body: CreateCredential): Promise<CredentialTestResult> {
  return apiRequest('POST', '/credentials/test', { body });
}

/** Renames, moves or replaces values; a new host, region or auth kind needs every secret again. */
export function updateCredential(id: string, body: UpdateCredential): Promise<Credential> {
  return apiRequest('PATCH', `/credentials/${id}`, { body });
}
