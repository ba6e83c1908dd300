import type { Credential } from './credential.entity';
import type { CredentialView } from './credentials.schema';

/** What the API shows of a credential: settings in clear, secrets as masks only. */
export function toCredentialView(row: Credential): CredentialView {
  return {
    id: row.id,
    name: row.name,
    presetId: row.presetId,
    authKind: row.authKind,
    region: row.region,
    baseUrl: row.baseUrl,
    settings: row.settings,
    masks: row.masks,
    lastTestedAt: row.lastTestedAt?.toISOString() ?? null,
    lastTestResult: row.lastTestResult,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
