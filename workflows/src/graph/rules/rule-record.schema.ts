import { z } from 'zod';

const Text = z.string().nullish();
/** ISO 8601 timestamps, as the inventory API serialises them; null = never set. */
const IsoDate = z.string().nullish();
const Custom = z.record(z.string(), z.unknown()).optional();

/** The SaaS user facts a rule can read (`saasUser.*`). */
export const SaasUserFactsSchema = z.object({
  externalId: z.string(),
  email: Text,
  username: Text,
  firstName: Text,
  lastName: Text,
  role: Text,
  status: z.enum(['active', 'deactivated']),
  lastLoginAt: IsoDate,
  vendorCreatedAt: IsoDate,
  deactivatedAt: IsoDate,
  custom: Custom,
});

/** The person who owns the SaaS user (`person.*`); absent when the account is not linked. */
export const PersonFactsSchema = z.object({
  email: Text,
  status: z.enum(['active', 'offboarded']),
  role: Text,
  offboardedAt: IsoDate,
  custom: Custom,
});

/** What the most recent Role Retrieval on the path produced (`retrieval.*`). */
export const RetrievalFactsSchema = z.object({ found: z.boolean(), role: z.string().nullable() });

/** One record a run walks through the graph, and what `evaluateRule` reads. */
export const RuleRecordSchema = z.object({
  saasUser: SaasUserFactsSchema,
  person: PersonFactsSchema.nullish(),
  retrieval: RetrievalFactsSchema.optional(),
});
export type RuleRecord = z.infer<typeof RuleRecordSchema>;
