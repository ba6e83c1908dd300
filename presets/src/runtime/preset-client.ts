import { createHash } from 'node:crypto';
import { ErrorCode } from '../errors/error-code';
import { redactSecrets } from '../errors/redact';
import { evaluateMapping, getPath } from '../mapping';
import type { OperationName, Preset, RequestTemplate } from '../preset.schema';
import { getPreset } from '../registry';
import { resolveCredentials } from './auth';
import {
  classifyResponse,
  classifyTransportError,
  describeOperation,
  MAX_RETRY_AFTER_MS,
  resetDelayMs,
  type ResponseFacts,
} from './classify-error';
import { assertSameOrigin, createHttpClient, resolveTarget } from './http-client';
import { nextPhaseCursor, phasePosition } from './listing-phases';
import { pageRequest, pageResult } from './pagination';
import { isPresetError, PresetError } from './preset-error';
import { sharedRateLimiter, type RateLimitSpec, type RequestLimiter } from './rate-limiter';

/** A user exactly as the vendor returned it (validated loosely by the preset's user schema). */
export type VendorUser = Record<string, unknown>;

/** A listed user that does not match the preset's user schema: reported, not loaded. */
export interface RejectedUser {
  /** The vendor's id of the user, when it has one. */
  id: string | null;
  reason: string;
}

/**
 * One page of users and the opaque cursor of the next page (absent after the last page). Users
 * that do not match the preset's schema are in `rejected` (with their reason), so one bad record
 * does not fail the whole listing.
 */
export interface UsersPage {
  users: VendorUser[];
  rejected?: RejectedUser[];
  nextCursor?: string;
}

/** Log sink; every line is redacted before it gets here. */
export interface PresetLogger {
  debug?(message: string, meta?: Record<string, unknown>): void;
  info?(message: string, meta?: Record<string, unknown>): void;
  warn?(message: string, meta?: Record<string, unknown>): void;
}

export interface PresetClientOptions {
  presetId: string;
  /** Region id; default the preset's first region. Ignored when `baseUrl` is given. */
  region?: string;
  /** Overrides the region's base URL (simulators, SCIM tenants); subject to the SSRF guard. */
  baseUrl?: string;
  /** Credential field values by key (see the catalog's auth kinds). */
  credentials: Record<string, string>;
  /** Auth kind id or kind; default the preset's first. */
  authKind?: string;
  /** Extra hosts allowed besides the preset's own (ROLECALL_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
  /** Per-request timeout; default 30 s. */
  timeoutMs?: number;
  logger?: PresetLogger;
  /** Replaces the preset's rate limit (tests, bench, vendors with a custom quota); false disables pacing. */
  rateLimitOverride?: RateLimitSpec | false;
  /**
   * Paces requests instead of the in-process limiter, e.g. one shared by every worker of a
   * deployment; it should enforce `effectiveRateLimit(...)` for this preset and credential.
   */
  limiter?: RequestLimiter;
  /** Attempts per request when the vendor throttles (default 5) before VENDOR_RATE_LIMITED. */
  maxAttempts?: number;
  /** Extra attempts for GETs after 5xx, timeouts or malformed bodies (default 2). */
  transientRetries?: number;
  /** Page size instead of the preset's (tests; vendors that cap lower). */
  pageSize?: number;
}

/** The operations of one preset bound to one credential. Absent methods: the vendor lacks them. */
export interface PresetClient {
  readonly preset: Preset;
  readonly baseUrl: string;
  /** One vendor request: the page at `cursor` (undefined = first page). */
  listUsersPage(cursor?: string): Promise<UsersPage>;
  /** Every page in turn. */
  listUsers(): AsyncGenerator<UsersPage, void, undefined>;
  getUser(id: string): Promise<VendorUser>;
  /** The role of a user; reads it from a given user object when present, else GETs the user. */
  getUserRole(idOrUser: string | VendorUser): Promise<string | null>;
  /** Deactivates; `knownFullUser` (e.g. from the listing) spares a GET on full-object vendors. */
  deactivateUser?(id: string, knownFullUser?: VendorUser): Promise<void>;
  reactivateUser?(id: string, knownFullUser?: VendorUser): Promise<void>;
  deleteUser?(id: string): Promise<void>;
  /** One cheap authenticated call; throws a PresetError when the credential does not work. */
  testCredentials(): Promise<{ ok: true }>;
}

interface Sent {
  facts: ResponseFacts;
  url: URL;
  /** The parsed body, when the caller asked for JSON. */
  json?: unknown;
}

const MAX_REDIRECTS = 3;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function encodeQuery(params: Record<string, string>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Binds a preset to a credential: auth, pacing, pagination, retries, typed errors, SSRF guard. */
export function createPresetClient(options: PresetClientOptions): PresetClient {
  const preset = getPreset(options.presetId);
  const creds = resolveCredentials(preset, options.credentials, options.authKind);
  const target = resolveTarget({
    preset,
    allowedHosts: options.allowedHosts,
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
  });
  const base = target.baseUrl;
  const basePath = base.pathname.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const http = createHttpClient({ timeoutMs, publicOnly: target.publicOnly });
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const transientRetries = Math.max(0, options.transientRetries ?? 2);
  const { secrets } = creds;
  const ops = preset.operations;
  const list = ops.listUsers;
  const pageSize = options.pageSize ?? list.pagination.pageSize;

  const limitSpec: RateLimitSpec | undefined =
    options.rateLimitOverride === false ? undefined : (options.rateLimitOverride ?? preset.rateLimit);
  const fingerprint = createHash('sha256').update(secrets.join('\u0000')).digest('hex').slice(0, 16);
  const limiter =
    options.limiter ?? (limitSpec ? sharedRateLimiter(`${preset.id}|${base.origin}|${fingerprint}`, limitSpec) : undefined);

  const log = (level: keyof PresetLogger, message: string, meta?: Record<string, unknown>) =>
    options.logger?.[level]?.(redactSecrets(message, secrets), meta);
  const ctx = (operation: OperationName) => ({ preset, operation, secrets });

  const fill = (template: string, id: string | undefined, encode: boolean): string =>
    template.replace(/\{(credentials\.)?([a-zA-Z0-9_]+)\}/g, (_m, cred: string | undefined, key: string) => {
      const value = cred ? (creds.values[key] ?? '') : key === 'id' ? (id ?? '') : '';
      return encode ? encodeURIComponent(value) : value;
    });

  const buildUrl = (template: RequestTemplate, id: string | undefined, extraQuery: Record<string, string> = {}): URL => {
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...preset.defaultQuery, ...template.query })) query[k] = fill(v, id, false);
    return new URL(`${base.origin}${basePath}${fill(template.path, id, true)}${encodeQuery({ ...query, ...extraQuery })}`);
  };

  const requireId = (operation: OperationName, id: unknown): string => {
    if (typeof id !== 'string' || id.trim() === '') {
      throw new PresetError({
        code: ErrorCode.ValidationFailed,
        retryable: false,
        presetId: preset.id,
        operation,
        message: `${preset.name}: ${describeOperation(operation)} needs a user id (${preset.userIdField}).`,
      });
    }
    return id;
  };

  /** One HTTP exchange, following same-origin redirects only. */
  async function exchange(operation: OperationName, method: string, url: URL, body: unknown): Promise<Sent> {
    let current = url;
    for (let hop = 0; ; hop++) {
      assertSameOrigin(preset, base, current, 'the request URL');
      const started = Date.now();
      let res;
      try {
        res = await http.request<string>({
          method,
          url: current.href,
          headers: {
            ...preset.defaultHeaders,
            ...creds.headers,
            'User-Agent': 'Rolecall',
            ...(body !== undefined ? { 'Content-Type': preset.defaultHeaders['Content-Type'] ?? 'application/json' } : {}),
          },
          ...(body !== undefined ? { data: JSON.stringify(body) } : {}),
        });
      } catch (error) {
        throw classifyTransportError(error, ctx(operation), timeoutMs);
      }
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(res.headers as Record<string, unknown>)) {
        headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v == null ? undefined : String(v);
      }
      const facts: ResponseFacts = { status: res.status, headers, bodyText: typeof res.data === 'string' ? res.data : '' };
      log('debug', `${preset.id} ${method} ${current.pathname} → ${res.status} in ${Date.now() - started} ms`, {
        presetId: preset.id,
        operation,
        status: res.status,
      });
      if (res.status < 300 || res.status >= 400) return { facts, url: current };
      const location = headers.location;
      if (!location) return { facts, url: current };
      const nextUrl = new URL(location, current);
      assertSameOrigin(preset, base, nextUrl, 'a redirect');
      if (method !== 'GET' || hop + 1 >= MAX_REDIRECTS) {
        throw new PresetError({
          code: ErrorCode.VendorBadRequest,
          retryable: false,
          status: res.status,
          presetId: preset.id,
          operation,
          secrets,
          message: `${preset.name} redirected ${describeOperation(operation)} (HTTP ${res.status}); check the base URL.`,
        });
      }
      current = nextUrl;
    }
  }

  /** Paces, sends, and retries throttles (always) and transient failures (GET only). */
  async function send(operation: OperationName, method: string, url: URL, body?: unknown, expectJson = false): Promise<Sent> {
    let throttles = 0;
    let transients = 0;
    for (;;) {
      await limiter?.acquire();
      let error: PresetError;
      try {
        const sent = await exchange(operation, method, url, body);
        const { facts } = sent;
        const resetMs = resetDelayMs(preset, facts.headers, Date.now());
        const remaining = preset.rateLimit.headers ? facts.headers[preset.rateLimit.headers.remaining.toLowerCase()] : undefined;
        if (remaining?.trim() === '0' && resetMs !== undefined) limiter?.pauseUntil(Date.now() + resetMs);
        if (facts.status >= 200 && facts.status < 300) return expectJson ? { ...sent, json: parseJson(operation, sent) } : sent;
        error = classifyResponse(facts, ctx(operation));
      } catch (e) {
        if (!isPresetError(e)) throw e;
        error = e;
      }
      if (error.code === ErrorCode.VendorRateLimited) {
        throttles += 1;
        const wait = error.retryAfterMs ?? preset.rateLimit.defaultRetryAfterMs;
        if (throttles >= maxAttempts) throw error;
        const capped = error.retryAfterCapped ? ` (the vendor's Retry-After was capped at ${MAX_RETRY_AFTER_MS / 1000} s)` : '';
        log('warn', `${preset.id} throttled (HTTP ${error.status}) while ${describeOperation(operation)}; retrying in ${wait} ms${capped}`, {
          presetId: preset.id,
          operation,
          attempt: throttles,
        });
        limiter?.pauseUntil(Date.now() + wait);
        if (!limiter) await sleep(wait);
        continue;
      }
      if (error.retryable && method === 'GET' && transients < transientRetries) {
        transients += 1;
        const wait = 500 * 2 ** (transients - 1);
        log('warn', `${preset.id} ${error.code} while ${describeOperation(operation)}; retrying in ${wait} ms`, {
          presetId: preset.id,
          operation,
        });
        await sleep(wait);
        continue;
      }
      throw error;
    }
  }

  function parseJson(operation: OperationName, sent: Sent): unknown {
    try {
      return JSON.parse(sent.facts.bodyText);
    } catch {
      throw new PresetError({
        code: ErrorCode.VendorMalformedResponse,
        retryable: true,
        status: sent.facts.status,
        presetId: preset.id,
        operation,
        message: `${preset.name} returned a body that is not JSON while ${describeOperation(operation)} (content-type ${sent.facts.headers['content-type'] ?? 'none'}). It will be retried.`,
      });
    }
  }

  /** The fields of a user that break the preset's schema, or null when it matches. */
  const schemaIssues = (value: unknown): string | null => {
    const parsed = preset.userSchema.safeParse(value);
    return parsed.success ? null : [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ');
  };

  const validateUser = (operation: OperationName, value: unknown, where: string): VendorUser => {
    const fields = schemaIssues(value);
    if (fields !== null) {
      throw new PresetError({
        code: ErrorCode.VendorMalformedResponse,
        retryable: false,
        presetId: preset.id,
        operation,
        message: `${preset.name} returned a user that does not match its schema (${where}; fields: ${fields}).`,
      });
    }
    // The vendor's object as sent, not zod's copy: key order matters to Litmos' PUT contract.
    return value as VendorUser;
  };

  /** The user array of a listing-shaped body, or undefined when the body has none. */
  const itemsOf = (body: unknown): unknown[] | undefined => {
    const items = list.itemsPath ? getPath(body, list.itemsPath) : body;
    return Array.isArray(items) ? items : undefined;
  };

  async function listUsersPage(cursor?: string): Promise<UsersPage> {
    const at = phasePosition(preset, cursor);
    const request = pageRequest(preset, list.pagination, pageSize, at.inner);
    let url: URL;
    if ('pathAndQuery' in request) {
      url = new URL(request.pathAndQuery, base.origin);
      if (url.origin !== base.origin || !url.pathname.startsWith(basePath)) {
        throw new PresetError({
          code: ErrorCode.HostNotAllowed,
          retryable: false,
          presetId: preset.id,
          operation: 'listUsers',
          message: `${preset.name}: the cursor points outside ${base.host}${basePath}; restart the listing without a cursor.`,
        });
      }
    } else url = buildUrl(list, undefined, { ...at.phase?.query, ...request.query });
    const sent = await send('listUsers', 'GET', url, undefined, true);
    const body = sent.json;
    const items = itemsOf(body);
    if (!items) {
      throw new PresetError({
        code: ErrorCode.VendorMalformedResponse,
        retryable: true,
        presetId: preset.id,
        operation: 'listUsers',
        message: `${preset.name} returned a user list that is not an array${list.itemsPath ? ` at "${list.itemsPath}"` : ''}.`,
      });
    }
    // Paging works on every listed item (offsets and overlaps count them all); only then are
    // the ones that do not match the schema set apart.
    const isObject = (item: unknown): item is VendorUser => item !== null && typeof item === 'object' && !Array.isArray(item);
    const listed = items.filter(isObject);
    const rejected: RejectedUser[] = items
      .filter((item) => !isObject(item))
      .map(() => ({ id: null, reason: `is not a ${preset.name} user object` }));
    const page = pageResult({
      preset,
      pagination: list.pagination,
      pageSize,
      cursor: at.inner,
      body,
      users: at.phase ? listed.map((u) => ({ ...u, ...at.phase?.set })) : listed,
      linkHeader: sent.facts.headers.link,
      requestUrl: sent.url,
      checkUrl: (u) => assertSameOrigin(preset, base, u, 'the next-page link'),
    });
    const next = nextPhaseCursor(preset, at, page.nextCursor);
    const users: VendorUser[] = [];
    for (const user of page.users) {
      const fields = schemaIssues(user);
      if (fields === null) users.push(user);
      else {
        const id = getPath(user, preset.userIdField);
        rejected.push({
          id: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
          reason: `does not match the ${preset.name} user schema (fields: ${fields})`,
        });
      }
    }
    return { users, ...(rejected.length > 0 ? { rejected } : {}), ...(next === undefined ? {} : { nextCursor: next }) };
  }

  /**
   * One cheap call whose answer must look like the preset's user list: any web server answers
   * 200, so a status alone says nothing about the base URL.
   */
  async function testCredentials(): Promise<{ ok: true }> {
    const op = ops.testCredentials;
    const sent = await send('testCredentials', op.method, buildUrl(op, undefined));
    let body: unknown;
    try {
      body = JSON.parse(sent.facts.bodyText);
    } catch {
      body = undefined;
    }
    const items = itemsOf(body);
    if (!items?.every((item) => preset.userSchema.safeParse(item).success)) {
      throw new PresetError({
        code: ErrorCode.VendorMalformedResponse,
        retryable: false,
        status: sent.facts.status,
        presetId: preset.id,
        operation: 'testCredentials',
        message: `The server at ${base.origin}${basePath} answered, but not like the ${preset.name} API: check the base URL.`,
      });
    }
    return { ok: true };
  }

  async function* listUsers(): AsyncGenerator<UsersPage, void, undefined> {
    let cursor: string | undefined;
    do {
      const page = await listUsersPage(cursor);
      yield page;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }

  async function getUser(id: string): Promise<VendorUser> {
    const op = preset.operations.getUser;
    const sent = await send('getUser', op.method, buildUrl(op, requireId('getUser', id)), undefined, true);
    const body = sent.json;
    const user = op.userPath ? getPath(body, op.userPath) : body;
    const extra: Record<string, unknown> = {};
    for (const [key, path] of Object.entries(op.extraFields ?? {})) extra[key] = getPath(body, path);
    const merged = user && typeof user === 'object' && !Array.isArray(user) ? { ...(user as object), ...extra } : user;
    return validateUser('getUser', merged, 'single user');
  }

  async function getUserRole(idOrUser: string | VendorUser): Promise<string | null> {
    const selector = preset.operations.getUserRole;
    const read = (user: VendorUser) => {
      const value = evaluateMapping(user, { from: selector.from, ...(selector.transform ? { transform: selector.transform } : {}) });
      return typeof value === 'string' && value !== '' ? value : null;
    };
    if (typeof idOrUser === 'object' && selector.from.some((p) => getPath(idOrUser, p) !== undefined)) return read(idOrUser);
    const id = typeof idOrUser === 'string' ? idOrUser : String(getPath(idOrUser, preset.userIdField) ?? '');
    return read(await getUser(requireId('getUserRole', id)));
  }

  const write = (operation: 'deactivateUser' | 'reactivateUser' | 'deleteUser', op: RequestTemplate) =>
    async function (id: string, knownFullUser?: VendorUser): Promise<void> {
      requireId(operation, id);
      let body: unknown;
      if (op.body?.kind === 'json') body = op.body.value;
      else if (op.body?.kind === 'fullUser') {
        const { set, requiredFields } = op.body;
        const reusable =
          knownFullUser !== undefined &&
          String(getPath(knownFullUser, preset.userIdField)) === id &&
          requiredFields.every((f) => getPath(knownFullUser, f) !== undefined);
        const full = reusable ? knownFullUser : await getUser(id);
        // Spread keeps the vendor's key order (Litmos' write contract is order-sensitive).
        body = { ...full, ...set };
      }
      await send(operation, op.method, buildUrl(op, id), body);
    };

  const client: PresetClient = {
    preset,
    baseUrl: `${base.origin}${basePath}`,
    listUsersPage,
    listUsers,
    getUser,
    getUserRole,
    testCredentials,
  };
  if (ops.deactivateUser) client.deactivateUser = write('deactivateUser', ops.deactivateUser);
  if (ops.reactivateUser) client.reactivateUser = write('reactivateUser', ops.reactivateUser);
  if (ops.deleteUser) {
    const del = write('deleteUser', ops.deleteUser);
    client.deleteUser = (id: string) => del(id);
  }
  return client;
}
