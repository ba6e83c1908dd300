import axios, { type AxiosInstance } from 'axios';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { ErrorCode } from '../errors/error-code';
import type { Preset } from '../preset.schema';
import { PresetError } from './preset-error';
import { isPublicAddress, publicOnlyLookup } from './public-address';

/**
 * HTTP client creation and the SSRF guard. A preset talks only to its own base URLs, to hosts
 * the operator listed in ROLECALL_ALLOWED_HOSTS, or — for presets whose base URL the admin
 * types (generic SCIM, GitHub Enterprise) — to https hosts. Every host but an allow-listed one
 * must resolve to public addresses only, checked at connect time for every request, redirect
 * hop and next-page link (see public-address.ts).
 */

/** The largest vendor response body read (a page of users is far smaller); larger ones fail. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Parses ROLECALL_ALLOWED_HOSTS ("127.0.0.1, scim.internal:8443") into lower-case entries. */
export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/** True when an allow-list entry names this URL's host (entries may carry a port). */
export function hostMatches(url: URL, entries: readonly string[]): boolean {
  const hostname = bareHostname(url);
  const host = url.host.toLowerCase();
  return entries.some((entry) => {
    const e = entry.toLowerCase();
    return e === hostname || e === host || e.replace(/^\[|\]$/g, '') === hostname;
  });
}

function hostNotAllowed(message: string): PresetError {
  return new PresetError({ code: ErrorCode.HostNotAllowed, retryable: false, message });
}

/** Where a client may send requests. */
export interface ResolvedTarget {
  baseUrl: URL;
  /** Connections must go to public addresses only (every host not on the allow-list). */
  publicOnly: boolean;
}

/**
 * Picks the base URL: a region of the preset, or an override that must be one of the preset's
 * hosts, an allow-listed host, or (presets with customBaseUrl) a public https URL.
 */
export function resolveTarget(opts: {
  preset: Preset;
  region?: string;
  baseUrl?: string;
  allowedHosts: readonly string[];
}): ResolvedTarget {
  const { preset } = opts;
  const presetHosts = preset.regions.map((r) => new URL(r.baseUrl).host.toLowerCase());
  if (opts.baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(opts.baseUrl);
    } catch {
      throw new PresetError({
        code: ErrorCode.ConfigInvalid,
        retryable: false,
        message: `${preset.name}: the base URL is not a valid URL. Enter it as https://host/path.`,
      });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw hostNotAllowed(`${preset.name}: only http(s) base URLs are allowed, not ${url.protocol}`);
    }
    if (url.username || url.password) {
      throw new PresetError({
        code: ErrorCode.ConfigInvalid,
        retryable: false,
        message: `${preset.name}: the base URL must not embed credentials; put them in the credential instead.`,
      });
    }
    url.search = '';
    url.hash = '';
    if (hostMatches(url, opts.allowedHosts)) return { baseUrl: url, publicOnly: false };
    if (url.protocol === 'https:' && presetHosts.includes(url.host.toLowerCase())) return { baseUrl: url, publicOnly: true };
    if (preset.customBaseUrl && url.protocol === 'https:') {
      const hostname = bareHostname(url);
      // Literal addresses never reach the agent's lookup, so they are judged here.
      if (net.isIP(hostname) ? !isPublicAddress(hostname) : hostname === 'localhost' || hostname.endsWith('.localhost')) {
        throw hostNotAllowed(
          `${preset.name}: base URL host "${url.host}" is a private address. Add it to ROLECALL_ALLOWED_HOSTS if it is trusted.`,
        );
      }
      return { baseUrl: url, publicOnly: true };
    }
    const known = presetHosts.length ? presetHosts.join(', ') : 'none';
    throw hostNotAllowed(
      `${preset.name}: base URL host "${url.host}" is not allowed (preset hosts: ${known}${preset.customBaseUrl ? '; custom base URLs must be https' : ''}). Add it to ROLECALL_ALLOWED_HOSTS if it is trusted.`,
    );
  }
  if (preset.regions.length === 0) {
    throw new PresetError({
      code: ErrorCode.ConfigInvalid,
      retryable: false,
      message: `${preset.name} needs a base URL (${preset.customBaseUrl?.label ?? 'base URL'}).`,
    });
  }
  const region = opts.region === undefined ? preset.regions[0] : preset.regions.find((r) => r.id === opts.region);
  if (!region) {
    throw new PresetError({
      code: ErrorCode.ConfigInvalid,
      retryable: false,
      message: `${preset.name} has no region "${opts.region}". Regions: ${preset.regions.map((r) => r.id).join(', ')}.`,
    });
  }
  return { baseUrl: new URL(region.baseUrl), publicOnly: true };
}

/** Refuses any URL outside the client's base origin (next-page links, resumed cursors, redirects). */
export function assertSameOrigin(preset: Preset, base: URL, url: URL, what: string): void {
  if (url.origin !== base.origin) {
    throw hostNotAllowed(
      `${preset.name}: ${what} points to "${url.host}", outside ${base.host}; only the integration's own host is allowed.`,
    );
  }
}

/** Refuses a literal non-public address in a request URL: sockets skip the lookup for those. */
function assertPublicLiteral(url: string | undefined): void {
  const parsed = url === undefined ? null : URL.parse(url);
  const hostname = parsed ? bareHostname(parsed) : '';
  if (net.isIP(hostname) && !isPublicAddress(hostname)) {
    const e = new Error(`"${hostname}" is a non-public address; add it to ROLECALL_ALLOWED_HOSTS if it is trusted.`) as NodeJS.ErrnoException;
    e.code = 'ERR_HOST_NOT_ALLOWED';
    throw e;
  }
}

/**
 * An axios instance that never follows redirects by itself (the client validates each hop),
 * returns every status to the caller, and keeps bodies as text so malformed JSON is ours to report.
 * `timeoutMs` bounds the whole exchange, body included (axios' own timeout only fires on an idle
 * socket, so a vendor trickling bytes would hold a worker forever); bodies stop at
 * MAX_RESPONSE_BYTES; proxy variables are ignored, since a proxy would connect on our behalf
 * past the address check.
 */
export function createHttpClient(opts: { timeoutMs: number; publicOnly: boolean }): AxiosInstance {
  const agentOptions = { keepAlive: true, ...(opts.publicOnly ? { lookup: publicOnlyLookup as never } : {}) };
  const client = axios.create({
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxContentLength: MAX_RESPONSE_BYTES,
    maxBodyLength: MAX_RESPONSE_BYTES,
    proxy: false,
    httpAgent: new http.Agent(agentOptions),
    httpsAgent: new https.Agent(agentOptions),
  });
  client.interceptors.request.use((config) => {
    if (opts.publicOnly) assertPublicLiteral(config.url);
    return { ...config, signal: AbortSignal.timeout(opts.timeoutMs) };
  });
  return client;
}
