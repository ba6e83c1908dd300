import { apiRequest, toQuery } from './api-client';

// Mirrors server/src/credentials/credentials.schema.ts.

export type CredentialTestResult = {
  ok: boolean;
  code?: string;
  status?: number;
  message: string;
  latencyMs: number;
};

/** A credential as the API shows it: secrets only as masks, never in clear. */
export type Credential = {
  id: string;
  name: string;
  presetId: string;
  authKind: string;
  /** null = the preset's default region. */
  region: string | null;
  baseUrl: string | null;
  settings: Record<string, string>;
  masks: Record<string, string>;
  lastTestedAt: string | null;
  lastTestResult: Omit<CredentialTestResult, 'latencyMs'> | null;
  createdAt: string;
  updatedAt: string;
};

export type CreateCredential = {
  name: string;
  presetId: string;
  authKind?: string;
  region?: string;
  baseUrl?: string;
  fields: Record<string, string>;
};

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
