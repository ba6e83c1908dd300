import { z } from 'zod';

/**
 * A custom inventory field an admin defined (an integration's `custom.<key>` mapping target).
 * With `appId` it belongs to that app's SaaS users; without, it is global and applies to SaaS
 * users of every app and to people.
 */
export const CustomFieldRefSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/),
  label: z.string().min(1),
  type: z.enum(['string', 'number', 'boolean', 'datetime']),
  appId: z.string().optional(),
});
export type CustomFieldRef = z.infer<typeof CustomFieldRefSchema>;
