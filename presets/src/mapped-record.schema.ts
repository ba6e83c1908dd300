import { z } from 'zod';
import { InventoryRecordSchema } from './inventory.schema';

/** The value types a custom inventory field (`custom.<key>`) can hold. */
export const CustomFieldTypeSchema = z.enum(['string', 'number', 'boolean', 'datetime']);
export type CustomFieldType = z.infer<typeof CustomFieldTypeSchema>;

/** What mapRecord needs to know about one custom field: where it goes and how to coerce it. */
export const CustomFieldRefSchema = z.object({ key: z.string().min(1), type: CustomFieldTypeSchema });
export type CustomFieldRef = z.infer<typeof CustomFieldRefSchema>;

/**
 * One vendor user after an integration's mappings: the inventory fields plus custom values.
 * The external id may be missing (People-only loads match by email instead).
 */
export const MappedRecordSchema = InventoryRecordSchema.extend({
  externalId: z.string().min(1).nullable(),
  custom: z.record(z.string(), z.unknown()),
});
export type MappedRecord = z.infer<typeof MappedRecordSchema>;

/** A mapped record, or the same record with the reason it cannot be loaded. */
export type MapResult = { ok: true; record: MappedRecord } | { ok: false; reason: string; record: MappedRecord };
