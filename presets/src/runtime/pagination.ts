import { ErrorCode } from '../errors/error-code';
import { getPath } from '../mapping';
import type { Pagination, Preset } from '../preset.schema';
import { PresetError } from './preset-error';

/**
 * Pagination strategies. Each turns an opaque string cursor into the next request and the
 * response into the next cursor, so one call = one vendor request and a Temporal activity can
 * persist the cursor between pages.
 */

/** Query parameters of a page request, or (Link-header paging) the absolute path + query to GET. */
export type PageRequest = { query: Record<string, string> } | { pathAndQuery: string };

function invalidCursor(preset: Preset, cursor: string): PresetError {
  return new PresetError({
    code: ErrorCode.ValidationFailed,
    retryable: false,
    presetId: preset.id,
    operation: 'listUsers',
    message: `${preset.name}: cursor "${cursor.slice(0, 40)}" is not a cursor this preset produced. Restart the listing without a cursor.`,
  });
}

function nonNegativeInt(preset: Preset, cursor: string, min: number): string {
  if (!/^\d+$/.test(cursor) || Number(cursor) < min) throw invalidCursor(preset, cursor);
  return cursor;
}

/** The request for the page at `cursor` (undefined = first page). */
export function pageRequest(preset: Preset, p: Pagination, pageSize: number, cursor: string | undefined): PageRequest {
  const size = String(pageSize);
  switch (p.kind) {
    case 'offset':
      return { query: { [p.offsetParam]: cursor === undefined ? '0' : nonNegativeInt(preset, cursor, 0), [p.limitParam]: size } };
    case 'cursor':
      return { query: { [p.limitParam]: size, ...(cursor === undefined ? {} : { [p.cursorParam]: cursor }) } };
    case 'scim':
      return { query: { [p.startIndexParam]: cursor === undefined ? '1' : nonNegativeInt(preset, cursor, 1), [p.countParam]: size } };
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

/**
 * The cursor of the following page, or undefined when this was the last one.
 * `checkUrl` validates Link-header targets against the client's origin before they become cursors.
 */
export function nextCursor(args: {
  preset: Preset;
  pagination: Pagination;
  pageSize: number;
  cursor: string | undefined;
  body: unknown;
  itemCount: number;
  linkHeader: string | undefined;
  requestUrl: URL;
  checkUrl: (url: URL) => void;
}): string | undefined {
  const { preset, pagination: p, itemCount } = args;
  switch (p.kind) {
    case 'offset': {
      if (itemCount === 0) return undefined;
      if (p.stopOn === 'shortPage' && itemCount < args.pageSize) return undefined;
      return String(Number(args.cursor ?? '0') + itemCount);
    }
    case 'cursor': {
      const hasNext = p.hasNextPath ? getPath(args.body, p.hasNextPath) : undefined;
      const next = getPath(args.body, p.nextPath);
      if (hasNext === false) return undefined;
      if (typeof next === 'string' && next !== '') return next;
      if (hasNext === true) throw malformed(preset, `"${p.nextPath}" although "${p.hasNextPath}" is true`);
      return undefined;
    }
    case 'scim': {
      const total = getPath(args.body, 'totalResults');
      if (typeof total !== 'number') throw malformed(preset, 'totalResults');
      const start = Number(args.cursor ?? '1');
      if (itemCount === 0 || start - 1 + itemCount >= total) return undefined;
      return String(start + itemCount);
    }
    case 'linkHeader': {
      const next = parseLinkNext(args.linkHeader);
      if (!next) return undefined;
      const url = new URL(next, args.requestUrl);
      args.checkUrl(url);
      return `${url.pathname}${url.search}`;
    }
  }
}
