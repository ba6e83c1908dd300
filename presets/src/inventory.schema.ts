import { z } from 'zod';

/** The standard inventory fields every preset maps onto. Browser-safe. */
export const InventoryFieldSchema = z.enum([
  'externalId',
  'email',
  'username',
  'firstName',
  'lastName',
  'role',
  'active',
  'lastLoginAt',
  'createdAt',
  /** When the vendor deactivated the user (Lever `deactivatedAt`); null when it gives no time. */
  'deactivatedAt',
]);
export type InventoryField = z.infer<typeof InventoryFieldSchema>;

/** Display labels for the inventory fields (mapping editors, tables). */
export const INVENTORY_FIELD_LABELS = {
  externalId: 'External id',
  email: 'Email',
  username: 'Username',
  firstName: 'First name',
  lastName: 'Last name',
  role: 'Role',
  active: 'Active?',
  lastLoginAt: 'Last login',
  createdAt: 'Created at',
  deactivatedAt: 'Deactivated at',
} as const satisfies Record<InventoryField, string>;

/** One vendor user mapped onto the inventory: strings, ISO 8601 dates, or null when unknown. */
export const InventoryRecordSchema = z.object({
  externalId: z.string().min(1),
  email: z.string().nullable(),
  username: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  role: z.string().nullable(),
  active: z.boolean().nullable(),
  lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }).nullable(),
  deactivatedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type InventoryRecord = z.infer<typeof InventoryRecordSchema>;
