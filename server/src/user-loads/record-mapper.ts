import { evaluateMapping, type FieldMapping, type InventoryField } from '@rolecall/presets';
import type { CustomField } from '../integrations/integrations.schema';

/** A vendor user mapped through an integration's mappings. */
export interface MappedRecord {
  externalId: string | null;
  email: string | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  role: string | null;
  active: boolean | null;
  lastLoginAt: string | null;
  createdAt: string | null;
  custom: Record<string, unknown>;
}

export type MapResult = { ok: true; record: MappedRecord } | { ok: false; reason: string; record: MappedRecord };

// Deliberately permissive (vendors hold odd but deliverable addresses); rejects what cannot be one.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STRING_FIELDS = ['externalId', 'email', 'username', 'firstName', 'lastName', 'role'] as const;

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
  return text === '' ? null : text;
}

function asDate(value: unknown): string | null {
  const text = asText(value);
  if (text === null) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function asCustom(value: unknown, type: CustomField['type']): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(asText(value));
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : asText(value)?.toLowerCase() === 'true';
    case 'datetime':
      return asDate(value);
    default:
      return typeof value === 'object' ? value : asText(value);
  }
}

/**
 * Applies an integration's mappings to one vendor user and validates the result. Targets are
 * inventory fields or `custom.<key>` (declared in customFields).
 */
export function mapVendorUser(
  user: unknown,
  mappings: Record<string, FieldMapping>,
  customFields: readonly CustomField[],
): MapResult {
  const value = (field: InventoryField) => (mappings[field] ? evaluateMapping(user, mappings[field]) : null);
  const record: MappedRecord = {
    externalId: null, email: null, username: null, firstName: null, lastName: null, role: null,
    active: null, lastLoginAt: null, createdAt: null, custom: {},
  };
  for (const field of STRING_FIELDS) record[field] = asText(value(field));
  const active = value('active');
  record.active = typeof active === 'boolean' ? active : null;
  record.lastLoginAt = asDate(value('lastLoginAt'));
  record.createdAt = asDate(value('createdAt'));
  for (const def of customFields) {
    const mapping = mappings[`custom.${def.key}`];
    if (mapping) record.custom[def.key] = asCustom(evaluateMapping(user, mapping), def.type);
  }
  if (record.email !== null) {
    record.email = record.email.toLowerCase();
    if (!EMAIL.test(record.email)) return { ok: false, reason: `invalid email: "${record.email}"`, record };
  }
  return { ok: true, record };
}
