import { INVENTORY_FIELD_LABELS, InventoryFieldSchema } from './inventory.schema';
import type { InventoryField } from './inventory.schema';
import type { Auth, OperationName, Preset, RateLimit } from './preset.schema';
import { PRESETS } from './registry';

/**
 * The browser-safe preset catalog served by `GET /api/presets` and imported by web. Plain JSON:
 * no functions, no zod schemas, no axios or Node built-ins anywhere in this module's imports.
 */

/** One preset as published: plain data derived from the preset (minus its zod user schema). */
export type CatalogPreset = Pick<
  Preset,
  'id' | 'name' | 'description' | 'docsUrl' | 'regions' | 'actions' | 'fields' | 'defaultMapping' | 'userIdField' | 'syncKeyFields'
> & {
  /** Set when the admin may supply the base URL (generic SCIM, GitHub Enterprise Server). */
  customBaseUrl: NonNullable<Preset['customBaseUrl']> | null;
  /** Auth kinds with the credential fields each needs; the first is the default. */
  authKinds: Pick<Auth, 'id' | 'kind' | 'label' | 'fields'>[];
  rateLimit: Pick<RateLimit, 'requests' | 'perMs' | 'description'>;
  /** Vendor operations the preset implements; absent ones do not exist for this vendor. */
  operations: OperationName[];
};

export interface Catalog {
  presets: CatalogPreset[];
  inventoryFields: { key: InventoryField; label: string }[];
}

const OPERATION_ORDER: OperationName[] = [
  'listUsers',
  'getUser',
  'getUserRole',
  'deactivateUser',
  'reactivateUser',
  'deleteUser',
  'testCredentials',
];

/** The catalog entry of one preset (deep-copied plain data). */
export function toCatalogPreset(preset: Preset): CatalogPreset {
  const entry: CatalogPreset = {
    id: preset.id,
    name: preset.name,
    description: preset.description,
    docsUrl: preset.docsUrl,
    regions: preset.regions,
    customBaseUrl: preset.customBaseUrl ?? null,
    authKinds: preset.auth.map((a) => ({ id: a.id, kind: a.kind, label: a.label, fields: a.fields })),
    rateLimit: { requests: preset.rateLimit.requests, perMs: preset.rateLimit.perMs, description: preset.rateLimit.description },
    operations: OPERATION_ORDER.filter((op) => preset.operations[op] !== undefined),
    actions: preset.actions,
    fields: preset.fields,
    defaultMapping: preset.defaultMapping,
    userIdField: preset.userIdField,
    syncKeyFields: preset.syncKeyFields,
  };
  return structuredClone(entry);
}

/** The whole catalog: every registered preset plus the inventory fields they map onto. */
export const CATALOG: Catalog = {
  presets: PRESETS.map(toCatalogPreset),
  inventoryFields: InventoryFieldSchema.options.map((key) => ({ key, label: INVENTORY_FIELD_LABELS[key] })),
};

export { INVENTORY_FIELD_LABELS, InventoryFieldSchema, InventoryRecordSchema } from './inventory.schema';
export type { InventoryField, InventoryRecord } from './inventory.schema';
export { FieldMappingSchema } from './preset.schema';
export type { FieldMapping } from './preset.schema';
export { CustomFieldTypeSchema, MappedRecordSchema } from './mapped-record.schema';
export type { CustomFieldRef, CustomFieldType, MappedRecord, MapResult } from './mapped-record.schema';
export { mapRecord, type RecordMappings } from './mapping';
export { smartMapping, type SmartMappingResult } from './smart-mapping';
export { ErrorCode } from './errors/error-code';
export { describeIssues, plainIssueMessage, usePlainValidationMessages } from './errors/plain-issues';
