import { z } from 'zod';
import { InventoryFieldSchema, type InventoryField } from './inventory.schema';

/**
 * The shape of a vendor preset. A preset is data: regions, auth, rate limit, declarative request
 * templates with response selectors, vendor fields and default mappings. The runtime executes it;
 * the catalog publishes it (minus the zod user schema) to web and server. Browser-safe.
 *
 * Templates: `{id}` is the user id; `{credentials.<field>}` a credential field. Both are
 * URL-encoded when substituted into paths and sent as-is in query values.
 */

const IdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case kebab id');

/** One field of a credential (API key, token, organisation…) as the admin enters it. */
export const CredentialFieldSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  label: z.string().min(1),
  /** Secrets are write-only in the vault and redacted from every error and log line. */
  secret: z.boolean(),
  required: z.boolean().default(true),
  /** Used when the admin leaves the field empty. */
  default: z.string().optional(),
  /** The vendor's documented limit on the value's length. */
  maxLength: z.number().int().positive().optional(),
  placeholder: z.string().optional(),
  description: z.string().optional(),
});
export type CredentialField = z.infer<typeof CredentialFieldSchema>;

const AuthBase = {
  /** Stable id of this auth kind within the preset. */
  id: IdSchema,
  label: z.string().min(1),
  /** Every credential field this auth kind needs (auth material plus e.g. an organisation). */
  fields: z.array(CredentialFieldSchema).min(1),
};

/** How credentials become request headers. */
export const AuthSchema = z.discriminatedUnion('kind', [
  /** A header carrying a credential field verbatim (Litmos `apikey`). */
  z.object({ ...AuthBase, kind: z.literal('apiKeyHeader'), header: z.string().min(1), valueField: z.string() }),
  /** `Authorization: Bearer <token>`. */
  z.object({ ...AuthBase, kind: z.literal('bearer'), tokenField: z.string() }),
  /** `Authorization: Basic base64(user:password)`; no passwordField → empty password. */
  z.object({
    ...AuthBase,
    kind: z.literal('basic'),
    usernameField: z.string(),
    passwordField: z.string().optional(),
  }),
]);
export type Auth = z.infer<typeof AuthSchema>;
export type AuthKind = Auth['kind'];

/** The credential fields an auth kind puts on the wire. */
export function authMaterialFields(auth: Auth): string[] {
  switch (auth.kind) {
    case 'apiKeyHeader':
      return [auth.valueField];
    case 'bearer':
      return [auth.tokenField];
    case 'basic':
      return auth.passwordField ? [auth.usernameField, auth.passwordField] : [auth.usernameField];
  }
}

export const RegionSchema = z.object({ id: IdSchema, label: z.string().min(1), baseUrl: z.url() });
export type Region = z.infer<typeof RegionSchema>;

/** A pagination strategy; the runtime turns each into an opaque string cursor. */
export const PaginationSchema = z.discriminatedUnion('kind', [
  /**
   * Numeric record offset + page size (Litmos start/limit, Planhat offset/limit). Neither vendor
   * documents its maximum page size, so a short page proves nothing: only a page with no new user
   * ends the listing. Pages overlap a little so a user deleted mid-listing shifts no one past us.
   */
  z.object({
    kind: z.literal('offset'),
    offsetParam: z.string(),
    limitParam: z.string(),
    pageSize: z.number().int().positive(),
  }),
  /** Opaque token from the previous response (Lever `next` + `hasNext`). */
  z.object({
    kind: z.literal('cursor'),
    cursorParam: z.string(),
    limitParam: z.string(),
    pageSize: z.number().int().positive(),
    nextPath: z.string(),
    hasNextPath: z.string().optional(),
  }),
  /** RFC 8288 `Link: <…>; rel="next"` header (GitHub). */
  z.object({ kind: z.literal('linkHeader'), limitParam: z.string(), pageSize: z.number().int().positive() }),
  /**
   * SCIM 2.0 (RFC 7644 §3.4.2.4): 1-based startIndex + count. totalResults ends the listing only
   * on a page shorter than the provider's page size; full pages and an under-counting
   * totalResults keep it going until a short or empty page.
   */
  z.object({
    kind: z.literal('scim'),
    startIndexParam: z.string(),
    countParam: z.string(),
    pageSize: z.number().int().positive(),
  }),
]);
export type Pagination = z.infer<typeof PaginationSchema>;

/** A request body: a literal JSON value, or the full user with some fields replaced. */
export const BodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('json'), value: z.json() }),
  /**
   * PUT of the complete user (vendors that reset omitted fields). The caller's known user is
   * reused when it carries every `requiredFields` entry; otherwise the runtime GETs it first.
   */
  z.object({
    kind: z.literal('fullUser'),
    set: z.record(z.string(), z.json()),
    requiredFields: z.array(z.string()).min(1),
  }),
]);
export type Body = z.infer<typeof BodySchema>;

export const HttpMethodSchema = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** A declarative request template. `doc` names the vendor documentation it follows. */
export const RequestSchema = z.object({
  method: HttpMethodSchema,
  path: z.string().startsWith('/'),
  query: z.record(z.string(), z.string()).optional(),
  body: BodySchema.optional(),
  doc: z.string().min(1),
});
export type RequestTemplate = z.infer<typeof RequestSchema>;

/** Value transforms applied by mappings and role selectors (see mapping.ts). */
export const TransformSchema = z.enum([
  'string',
  'boolean',
  /** Boolean negation: Planhat `inactive` → active. */
  'not',
  /** true when the value is null (present but empty): Lever `deactivatedAt` → active. */
  'isNull',
  /** ISO string, epoch milliseconds or ASP.NET "/Date(ms)/" → ISO 8601 string. */
  'isoDate',
  /** Array of strings or of objects with name/display/value → "a, b". */
  'list',
  /** SCIM multi-valued attribute → the primary (else first) entry's `value`. */
  'primaryValue',
  /** Array of strings or of objects → their `value`s, "a, b" (SCIM roles: `display` is for humans). */
  'values',
  /** A full name → its first word / the rest (Lever `name`). */
  'firstWord',
  'afterFirstWord',
]);
export type Transform = z.infer<typeof TransformSchema>;

/** Where one inventory field comes from in a vendor user. */
export const FieldMappingSchema = z.object({
  /** Dot path(s) in the vendor user; the first one present wins. */
  from: z.array(z.string().min(1).max(200)).min(1).max(10).optional(),
  transform: TransformSchema.optional(),
  /** When set, the result is `value === equals` (e.g. GitHub membership state "active"). */
  equals: z.union([z.string().max(200), z.number(), z.boolean()]).optional(),
  /** Used when every source is absent (legacy fields) — or the only value when `from` is omitted. */
  default: z.union([z.string().max(1_000), z.boolean(), z.null()]).optional(),
});
export type FieldMapping = z.infer<typeof FieldMappingSchema>;

/** Default mapping of a vendor user onto the standard inventory fields. */
export const DefaultMappingSchema = z.object({
  externalId: FieldMappingSchema,
  email: FieldMappingSchema.optional(),
  username: FieldMappingSchema.optional(),
  firstName: FieldMappingSchema.optional(),
  lastName: FieldMappingSchema.optional(),
  role: FieldMappingSchema.optional(),
  active: FieldMappingSchema.optional(),
  lastLoginAt: FieldMappingSchema.optional(),
  createdAt: FieldMappingSchema.optional(),
  deactivatedAt: FieldMappingSchema.optional(),
}) satisfies z.ZodType<Partial<Record<InventoryField, FieldMapping>>>;
export type DefaultMapping = z.infer<typeof DefaultMappingSchema>;

/** A vendor field the admin can map, with the label the UI shows. */
export const VendorFieldSchema = z.object({
  key: z.string().min(1),
  label: z.string().min(1),
  type: z.enum(['string', 'boolean', 'number', 'datetime', 'list']),
  /** Not in the vendor's current docs; may be absent from responses. */
  legacy: z.boolean().default(false),
  /** Absent from the user listing: only a per-user call (getUser) returns it, so loads never see it. */
  needsDetailCall: z.boolean().default(false),
});
export type VendorField = z.infer<typeof VendorFieldSchema>;

/** What counts as a throttle response besides HTTP 429. */
export const ThrottleSignalSchema = z.object({
  status: z.number().int(),
  /** Case-insensitive text the body must contain (Litmos 503 "rating limit"). */
  bodyIncludes: z.string().optional(),
  /** A header that must equal a value (GitHub `x-ratelimit-remaining: 0`). */
  header: z.object({ name: z.string(), equals: z.string() }).optional(),
});

/** The vendor's request budget; the runtime spaces requests to stay under it. */
export const RateLimitSchema = z.object({
  requests: z.number().int().positive(),
  perMs: z.number().int().positive(),
  /** Requests that may go back to back before spacing applies (1 = evenly spaced). */
  burst: z.number().int().positive().default(1),
  /** Human-readable summary for the catalog, e.g. "100 requests/minute per API key". */
  description: z.string().min(1),
  /** Where the vendor documents the limit. */
  doc: z.string().optional(),
  /** Extra throttle signals (429 always counts). */
  throttleSignals: z.array(ThrottleSignalSchema).default([]),
  /** Wait used when a throttle response carries no Retry-After / reset header. */
  defaultRetryAfterMs: z.number().int().nonnegative(),
  /** Vendor budget headers the runtime honours (pause until reset when remaining hits 0). */
  headers: z
    .object({ remaining: z.string(), reset: z.string(), resetKind: z.enum(['epochSeconds', 'seconds']) })
    .optional(),
});
export type RateLimit = z.infer<typeof RateLimitSchema>;

/** Role lookup: the field holding the role, read from a known user or fetched via getUser. */
export const RoleSelectorSchema = z.object({
  from: z.array(z.string().min(1)).min(1),
  transform: TransformSchema.optional(),
  doc: z.string().min(1),
});

export const OperationsSchema = z.object({
  listUsers: RequestSchema.extend({
    /** Dot path of the user array in the body; omitted = the body is the array. */
    itemsPath: z.string().optional(),
    pagination: PaginationSchema,
    /**
     * Filtered listings walked one after the other, each paged to its end: a field the listing
     * lacks but can filter by (GitHub `role=admin|member`) is then known for every user at
     * O(N/pageSize) requests. `set` is copied onto each user of that phase.
     */
    phases: z
      .array(z.object({ query: z.record(z.string(), z.string()), set: z.record(z.string(), z.json()) }))
      .min(2)
      .optional(),
  }),
  getUser: RequestSchema.extend({
    /** Dot path of the user object in the body; omitted = the body is the user. */
    userPath: z.string().optional(),
    /** Extra top-level fields copied from the body onto the user: target key → body dot path. */
    extraFields: z.record(z.string(), z.string()).optional(),
  }),
  getUserRole: RoleSelectorSchema,
  deactivateUser: RequestSchema.optional(),
  reactivateUser: RequestSchema.optional(),
  deleteUser: RequestSchema.optional(),
  /**
   * The cheapest authenticated call (one small page). Its body must be a user list like the
   * listing's (same `itemsPath`), so a web page answering 200 at a wrong base URL fails the test.
   */
  testCredentials: RequestSchema,
});
export type Operations = z.infer<typeof OperationsSchema>;
export type OperationName = keyof Operations;

/** A block-facing action ("Litmos Deactivate User") and what it does to vendor and inventory. */
export const ActionSchema = z.object({
  id: z.enum(['userRole', 'deactivateUser', 'reactivateUser', 'deleteUser']),
  label: z.string().min(1),
  description: z.string().min(1),
  /** The vendor operation the action calls. */
  operation: z.enum(['getUserRole', 'deactivateUser', 'reactivateUser', 'deleteUser']),
  /** What happens to the SaaS user record in the inventory afterwards. */
  inventoryEffect: z.enum(['none', 'markInactive', 'markActive', 'remove']),
  destructive: z.boolean(),
  /** Ids of the auth kinds whose credentials may run the action; omitted = every auth kind of the preset. */
  authKinds: z.array(IdSchema).min(1).optional(),
});
export type Action = z.infer<typeof ActionSchema>;

export const PresetSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1),
    description: z.string().min(1),
    docsUrl: z.url(),
    /** Base URL per region; the first is the default. Empty only with `customBaseUrl`. */
    regions: z.array(RegionSchema),
    /** The admin supplies the base URL (generic SCIM): it must be https to a public host. */
    customBaseUrl: z.object({ label: z.string(), placeholder: z.string() }).optional(),
    /** Supported auth kinds; the first is the default. */
    auth: z.array(AuthSchema).min(1),
    /** Query parameters sent on every request (Litmos `source`, `format=json`). */
    defaultQuery: z.record(z.string(), z.string()).default({}),
    defaultHeaders: z.record(z.string(), z.string()).default({}),
    rateLimit: RateLimitSchema,
    /** Dot paths of the human-readable message in the vendor's error body. */
    errorMessagePaths: z.array(z.string()).min(1),
    /** The user field holding the id every operation takes. */
    userIdField: z.string().min(1),
    /** Validates each user the vendor returns (keep unknown keys: use z.looseObject). */
    userSchema: z.custom<z.ZodType<Record<string, unknown>>>((v) => v instanceof z.ZodType, 'a zod schema'),
    operations: OperationsSchema,
    actions: z.array(ActionSchema).min(1),
    fields: z.array(VendorFieldSchema).min(1),
    defaultMapping: DefaultMappingSchema,
    /**
     * Inventory fields the vendor documents as unique per user, the only ones offered as sync
     * keys. A field shared by many users (Planhat nickName) would merge them into one record.
     */
    syncKeyFields: z.array(InventoryFieldSchema.extract(['externalId', 'email', 'username'])).min(1),
  })
  .superRefine((preset, ctx) => {
    if (preset.regions.length === 0 && !preset.customBaseUrl) {
      ctx.addIssue({ code: 'custom', path: ['regions'], message: 'a preset needs a region or customBaseUrl' });
    }
    for (const [i, action] of preset.actions.entries()) {
      if (!preset.operations[action.operation]) {
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'operation'],
          message: `action "${action.id}" uses operation "${action.operation}", which the preset lacks`,
        });
      }
    }
    const fieldKeys = new Set(preset.auth.flatMap((a) => a.fields.map((f) => f.key)));
    const templates = JSON.stringify([preset.operations, preset.defaultQuery, preset.defaultHeaders]);
    for (const match of templates.matchAll(/\{credentials\.([a-zA-Z0-9]+)\}/g)) {
      if (!fieldKeys.has(match[1] ?? '')) {
        ctx.addIssue({ code: 'custom', path: ['operations'], message: `unknown credential field "${match[1]}"` });
      }
    }
    const detailOnly = new Set(preset.fields.filter((f) => f.needsDetailCall).map((f) => f.key));
    for (const [target, mapping] of Object.entries(preset.defaultMapping)) {
      if (mapping?.from?.every((path) => detailOnly.has(path))) {
        ctx.addIssue({
          code: 'custom',
          path: ['defaultMapping', target],
          message: `"${target}" maps only fields the listing does not return (needsDetailCall)`,
        });
      }
    }
    for (const field of preset.syncKeyFields) {
      if (!preset.defaultMapping[field]) {
        ctx.addIssue({ code: 'custom', path: ['syncKeyFields'], message: `sync key field "${field}" has no default mapping` });
      }
    }
    for (const auth of preset.auth) {
      for (const key of authMaterialFields(auth)) {
        if (!auth.fields.some((f) => f.key === key)) {
          ctx.addIssue({ code: 'custom', path: ['auth'], message: `auth "${auth.id}" references missing field "${key}"` });
        }
      }
    }
  });

/** A parsed, validated preset. */
export type Preset = z.infer<typeof PresetSchema>;
export type PresetInput = z.input<typeof PresetSchema>;

/** Validates a preset definition at load time, so a broken preset fails fast and loudly. */
export function definePreset(input: PresetInput): Preset {
  return PresetSchema.parse(input);
}
