import type { IntegrationView } from '../integrations/integrations.schema';

/**
 * Each custom field key → the label its integrations gave it, from the integrations loading `appId`
 * (all of them without one). Integrations that label one key differently are all named
 * ("Job title / Title") rather than one picked at random.
 */
export function customFieldLabels(integrations: readonly Pick<IntegrationView, 'appId' | 'customFields'>[], appId?: string): Record<string, string> {
  const labels = new Map<string, string[]>();
  for (const integration of integrations) {
    if (appId && integration.appId !== appId) continue;
    for (const { key, label } of integration.customFields) {
      const seen = labels.get(key) ?? [];
      if (label && !seen.includes(label)) seen.push(label);
      labels.set(key, seen);
    }
  }
  return Object.fromEntries([...labels].filter(([, names]) => names.length > 0).map(([key, names]) => [key, names.join(' / ')]));
}
