import { z } from 'zod';
import { plainName } from '../common/plain-text.schema';

const Name = plainName(100);

/** Credential field values by key (see the preset catalog's auth kinds). Secrets go in here and never come back out. */
const FieldValues = z
  .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/, 'field keys are letters and digits'), z.string().max(10_000))
  .refine((fields) => Object.keys(fields).length <= 50, 'at most 50 fields');

/**
 * A base URL override (simulator, self-hosted instance). Whether its host may be called is the
 * preset runtime's SSRF guard's decision at call time; here it only has to be a clean http(s) URL.
 */
const BaseUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2_000)
  // zod runs these even when the URL check above failed, so they must not assume a parsable URL.
  .refine((u) => {
    const url = URL.parse(u);
    return !url || (!url.username && !url.password);
  }, 'must not embed credentials; put them in fields')
  .refine((u) => {
    const url = URL.parse(u);
    return !url || (!url.search && !url.hash);
  }, 'must not carry a query string or fragment');

/** `POST /api/credentials`. */
export const CreateCredentialSchema = z.strictObject({
  name: Name,
  /** Preset id from `GET /api/presets` (e.g. `litmos`). */
  presetId: z.string().min(1).max(100),
  /** Auth kind id of the preset; default its first. */
  authKind: z.string().min(1).max(100).optional(),
  /** Region id of the preset; default its first. */
  region: z.string().min(1).max(100).optional(),
  baseUrl: BaseUrl.optional(),
  /** Every credential field of the auth kind: secrets (write-only) and settings (shown in clear). */
  fields: FieldValues,
});
export type CreateCredential = z.infer<typeof CreateCredentialSchema>;

/**
 * `PATCH /api/credentials/:id`. Given fields replace those values and others are kept; an empty
 * string clears an optional field. `null` region / baseUrl return to the preset default.
 */
export const UpdateCredentialSchema = z
  .strictObject({
    name: Name.optional(),
    authKind: z.string().min(1).max(100).optional(),
    region: z.string().min(1).max(100).nullable().optional(),
    baseUrl: BaseUrl.nullable().optional(),
    fields: FieldValues.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'give at least one of name, authKind, region, baseUrl, fields');
export type UpdateCredential = z.infer<typeof UpdateCredentialSchema>;

export const ListCredentialsQuerySchema = z.object({ presetId: z.string().min(1).max(100).optional() });

/** Result of the credential test: a failing test is data (ok=false), not an HTTP error. */
export const CredentialTestResultSchema = z.object({
  ok: z.boolean(),
  /** Error code when it failed, e.g. VENDOR_AUTH_FAILED, VENDOR_UNREACHABLE, VENDOR_RATE_LIMITED. */
  code: z.string().optional(),
  /** The vendor's HTTP status, when it answered. */
  status: z.number().int().optional(),
  /** What happened and what to do; never contains a secret. */
  message: z.string(),
  latencyMs: z.number().int().nonnegative(),
});
export type CredentialTestResult = z.infer<typeof CredentialTestResultSchema>;

/** What a credential keeps of its last test (stored with it): the result without the timing. */
export const CredentialTestOutcomeSchema = CredentialTestResultSchema.omit({ latencyMs: true });
export type CredentialTestOutcome = z.infer<typeof CredentialTestOutcomeSchema>;

/** A credential as the API shows it: secrets only as masks. */
export const CredentialSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  presetId: z.string(),
  authKind: z.string(),
  // Constrained as stored: a bare nullable string becomes `type: [string, null]` in JSON Schema,
  // which @nestjs/swagger documents as an array of strings at the top level of a DTO.
  /** null = the preset's default region. */
  region: z.string().min(1).nullable(),
  /** null = the region's base URL. */
  baseUrl: z.url().nullable(),
  /** Non-secret fields in clear. */
  settings: z.record(z.string(), z.string()),
  /** Secret field → mask: "••••" plus the last 4 characters when the secret has at least 12. */
  masks: z.record(z.string(), z.string()),
  lastTestedAt: z.iso.datetime().nullable(),
  lastTestResult: CredentialTestOutcomeSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CredentialView = z.infer<typeof CredentialSchema>;
