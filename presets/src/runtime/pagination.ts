import { ErrorCode } from '../errors/error-code';
import { getPath } from '../mapping';
import type { Pagination, Preset } from '../preset.schema';
import { PresetError } from './preset-error';

/**
 * Pagination strategies. Each turns an opaque string cursor into the next request and the
 * response into the users that are new and the next cursor, so one call = one vendor request and
 * a Temporal activity can persist the cursor between pages.
 */

/** Query parameters of a page request, or (Link-header paging) the absolute path + query to GET. */
export type PageRequest = { query: Record<string, string> } | { pathAndQuery: string };

/** A page as the caller hands it back: the users the vendor returned and the next cursor. */
export interface PageResult<U> {
  users: U[];
  nextCursor?: string;
}

/**
 * Users an offset page re-reads from the previous one. A deletion before our position shifts the
 * rest one place down; with the overlap, up to this many deletions between two pages lose no one.
 */
export const OFFSET_OVERLAP = 10;

function invalidCursor(preset: Preset, cursor: string): PresetError {
  return new PresetError({
    code: ErrorCode.ValidationFailed,
    retryable: false,
    presetId: preset.id,
    operation: 'listUsers',
    message: `${preset.name}: cursor "${cursor.slice(0, 40)}" is not a cursor this preset produced. Restart the listing without a cursor.`,
  });
}

/**
 * Offset cursor: `<offset>` alone, or `<offset>.<base64url JSON>` carrying the ids of the last
 * users already listed (`seen`) and, while stepping back to find them, the offset we came from.
 */
interface OffsetCursor {
  offset: number;
  seen: string[];
  backedOffFrom?: number;
}

function decodeOffset(preset: Preset, cursor: string | undefined): OffsetCursor {
  if (cursor === undefined) return { offset: 0, seen: [] };
  const m = /^(\d+)(?:\.([A-Za-z0-9_-]+))?$/.exec(cursor);
  if (!m) throw invalidCursor(preset, cursor);
  if (m[2] === undefined) return { offset: Number(m[1]), seen: [] };
  try {
    const memo = JSON.parse(Buffer.from(m[2], 'base64url').toString('utf8')) as { s?: unknown; b?: unknown };
    if (!Array.isArray(memo.s) || !memo.s.every((id) => typeof id === 'string')) throw new Error('seen');
    if (memo.b !== undefined && typeof memo.b !== 'number') throw new Error('backedOffFrom');
    return { offset: Number(m[1]), seen: memo.s as string[], ...(memo.b !== undefined ? { backedOffFrom: memo.b } : {}) };
  } catch {
    throw invalidCursor(preset, cursor);
  }
}

function encodeOffset(c: OffsetCursor): string {
  if (c.seen.length === 0) return String(c.offset);
  const memo = { s: c.seen, ...(c.backedOffFrom !== undefined ? { b: c.backedOffFrom } : {}) };
  return `${c.offset}.${Buffer.from(JSON.stringify(memo), 'utf8').toString('base64url')}`;
}

/** SCIM cursor: `<startIndex>` or `<startIndex>.<largest page seen>` (the provider's page size). */
function decodeScim(preset: Preset, cursor: string | undefined): { start: number; fullPage?: number } {
  if (cursor === undefined) return { start: 1 };
  const m = /^(\d+)(?:\.(\d+))?$/.exec(cursor);
  if (!m || Number(m[1]) < 1) throw invalidCursor(preset, cursor);
  return { start: Number(m[1]), ...(m[2] !== undefined ? { fullPage: Number(m[2]) } : {}) };
}

/** The request for the page at `cursor` (undefined = first page). */
export function pageRequest(preset: Preset, p: Pagination, pageSize: number, cursor: string | undefined): PageRequest {
  const size = String(pageSize);
  switch (p.kind) {
    case 'offset':
      return { query: { [p.offsetParam]: String(decodeOffset(preset, cursor).offset), [p.limitParam]: size } };
    case 'cursor':
      return { query: { [p.limitParam]: size, ...(cursor === undefined ? {} : { [p.cursorParam]: cursor }) } };
    case 'scim':
      return { query: { [p.startIndexParam]: String(decodeScim(preset, cursor).start), [p.countParam]: size } };
    case 'linkHeader':
      if (cursor === undefined) return { query: { [p.limitParam]: size } };
      if (!cursor.startsWith('/')) throw invalidCursor(preset, cursor);
      return { pathAndQuery: cursor };
  }
}

/** Finds rel="next" in an RFC 8288 Link header. */
export function parseLinkNext(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    const rel = m ? /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(m[2] ?? '')?.[1] : undefined;
    if (m && rel?.trim().toLowerCase().split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
}

function malformed(preset: Preset, what: string): PresetError {
  return new PresetError({
    code: ErrorCode.VendorMalformedResponse,
    retryable: true,
    presetId: preset.id,
    operation: 'listUsers',
    message: `${preset.name} returned a page without ${what}. The listing cannot continue safely; it will be retried.`,
  });
}

const done = <U>(users: U[]): PageResult<U> => ({ users });

/** Drops the re-read overlap of an offset page and decides where the next one starts. */
function offsetPage<U>(preset: Preset, pageSize: number, cursor: string | undefined, users: U[]): PageResult<U> {
  const at = decodeOffset(preset, cursor);
  const ids = users.map((u) => String(getPath(u, preset.userIdField)));
  let lastSeen = -1;
  const seen = new Set(at.seen);
  for (let i = ids.length - 1; i >= 0 && lastSeen < 0; i--) if (seen.has(ids[i] as string)) lastSeen = i;
  if (at.seen.length > 0 && lastSeen < 0 && at.offset > 0) {
    // None of the users we remembered is here: more deletions than the overlap moved them down,
    // or they were deleted. Step back one page to find them; if that fails too, resume where we
    // were and accept the page as new (the only way forward without listing everyone again).
    if (at.backedOffFrom !== undefined) return { users: [], nextCursor: String(at.backedOffFrom) };
    return { users: [], nextCursor: encodeOffset({ offset: Math.max(0, at.offset - pageSize), seen: at.seen, backedOffFrom: at.offset }) };
  }
  const fresh = users.slice(lastSeen + 1);
  if (fresh.length === 0) return done(fresh);
  // At most a tenth of a page, so small pages still advance.
  const overlap = Math.min(OFFSET_OVERLAP, Math.floor(pageSize / 10), users.length);
  return { users: fresh, nextCursor: encodeOffset({ offset: at.offset + users.length - overlap, seen: ids.slice(ids.length - overlap) }) };
}

/** SCIM: totalResults ends the listing only on a page shorter than the provider's page size. */
function scimPage<U>(preset: Preset, pageSize: number, cursor: string | undefined, body: unknown, users: U[]): PageResult<U> {
  const total = getPath(body, 'totalResults');
  if (typeof total !== 'number') throw malformed(preset, 'totalResults');
  const { start, fullPage } = decodeScim(preset, cursor);
  const n = users.length;
  if (n === 0) return done(users);
  // Providers may return fewer than `count` per page (RFC 7644 §3.4.2.4): their page size is the
  // largest page seen so far; on the first page only the requested count is known.
  const full = n >= (fullPage ?? pageSize);
  if (!full && start - 1 + n >= total) return done(users);
  return { users, nextCursor: `${start + n}.${Math.max(fullPage ?? 0, n)}` };
}

/**
 * The users new to the listing and the cursor of the following page (absent after the last one).
 * `checkUrl` validates Link-header targets against the client's origin before they become cursors.
 */
export function pageResult<U>(args: {
  preset: Preset;
  pagination: Pagination;
  pageSize: number;
  cursor: string | undefined;
  body: unknown;
  users: U[];
  linkHeader: string | undefined;
  requestUrl: URL;
  checkUrl: (url: URL) => void;
}): PageResult<U> {
  const { preset, pagination: p, users } = args;
  switch (p.kind) {
    case 'offset':
      return offsetPage(preset, args.pageSize, args.cursor, users);
    case 'scim':
      return scimPage(preset, args.pageSize, args.cursor, args.body, users);
    case 'cursor': {
      const hasNext = p.hasNextPath ? getPath(args.body, p.hasNextPath) : undefined;
      const next = getPath(args.body, p.nextPath);
      if (hasNext === false) return done(users);
      if (typeof next === 'string' && next !== '') return { users, nextCursor: next };
      if (hasNext === true) throw malformed(preset, `"${p.nextPath}" although "${p.hasNextPath}" is true`);
      return done(users);
    }
    case 'linkHeader': {
      const next = parseLinkNext(args.linkHeader);
      if (!next) return done(users);
      const url = new URL(next, args.requestUrl);
      args.checkUrl(url);
      return { users, nextCursor: `${url.pathname}${url.search}` };
    }
  }
}
