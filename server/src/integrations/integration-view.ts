import { missingSettings } from './integration-readiness';
import type { Integration } from './integration.entity';
import type { IntegrationView } from './integrations.schema';

/** What the API shows of an integration, with what it still lacks to run and the app it loads into. */
export function toIntegrationView(i: Integration, appId: string | null): IntegrationView {
  const missing = missingSettings(i);
  return {
    id: i.id,
    name: i.name,
    presetId: i.presetId,
    credentialId: i.credentialId,
    appName: i.appName,
    appId,
    userSelection: i.userSelection,
    preference: i.preference,
    mappings: i.mappings,
    customFields: i.customFields,
    syncKeys: i.syncKeys,
    personRole: i.personRole,
    schedule: i.schedule,
    rateLimit: i.rateLimit,
    deactivationLimitPercent: i.deactivationLimitPercent,
    status: i.status,
    readiness: { ready: missing.length === 0, missing },
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}
