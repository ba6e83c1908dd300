import axios, { type AxiosInstance } from 'axios';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { ErrorCode } from '../errors/error-code';
import type { Preset } from '../preset.schema';
import { PresetError } from './preset-error';

/**
 * HTTP client creation and the SSRF guard. A preset talks only to its own base URLs, to hosts
 * the operator listed in ROLECALL_ALLOWED_HOSTS, or — for presets whose base URL the admin
 * types (generic SCIM, GitHub Enterprise) — to https hosts that resolve to public addresses.
 */

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

function ipv4Public(ip: string): boolean {
  const [a = 0, b = 0, c = 0] = ip.split('.').map(Number);
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 192 && b === 0 && c === 0) return false;
  if (a === 198 && (b === 18 || b === 19)) return false;
  return true;
}

/** False for loopback, private, link-local, CGNAT, multicast and unspecified addresses. */
export function isPublicAddress(ip: string): boolean {
  if (net.isIPv4(ip)) return ipv4Public(ip);
  if (!net.isIPv6(ip)) return false;
  const v6 = ip.toLowerCase();
  // IPv4-mapped addresses reach the IPv4 host. The URL parser writes them in hex
  // ([::ffff:127.0.0.1] → ::ffff:7f00:1); resolvers may print them dotted.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (mapped?.[1]) return ipv4Public(mapped[1]);
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
  if (mappedHex?.[1] && mappedHex[2]) {
    const [hi, lo] = [parseInt(mappedHex[1], 16), parseInt(mappedHex[2], 16)];
    return ipv4Public(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  if (v6 === '::' || v6 === '::1') return false;
  return !/^(f[cd]|fe[89ab]|ff)/.test(v6);
}

function hostNotAllowed(message: string): PresetError {
  return new PresetError({ code: ErrorCode.HostNotAllowed, retryable: false, message });
}

/** Where a client may send requests. */
export interface ResolvedTarget {
  baseUrl: URL;
  /** Connections must resolve to public addresses (admin-typed base URL not on the allow-list). */
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
    if (url.protocol === 'https:' && presetHosts.includes(url.host.toLowerCase())) return { baseUrl: url, publicOnly: false };
    if (preset.customBaseUrl && url.protocol === 'https:') {
      const hostname = bareHostname(url);
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
  return { baseUrl: new URL(region.baseUrl), publicOnly: false };
}

/** Refuses any URL outside the client's base origin (next-page links, resumed cursors, redirects). */
export function assertSameOrigin(preset: Preset, base: URL, url: URL, what: string): void {
  if (url.origin !== base.origin) {
    throw hostNotAllowed(
      `${preset.name}: ${what} points to "${url.host}", outside ${base.host}; only the integration's own host is allowed.`,
    );
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A dns.lookup that fails when any resolved address is not public (defeats DNS rebinding to internal hosts). */
function publicOnlyLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad || addresses.length === 0) {
      const e = new Error(
        `host "${hostname}" resolves to a private address; add it to ROLECALL_ALLOWED_HOSTS if it is trusted.`,
      ) as NodeJS.ErrnoException;
      e.code = 'ERR_HOST_NOT_ALLOWED';
      return callback(e, []);
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0] as dns.LookupAddress;
    callback(null, first.address, first.family);
  });
}

/**
 * An axios instance that never follows redirects by itself (the client validates each hop),
 * returns every status to the caller, and keeps bodies as text so malformed JSON is ours to report.
 */
export function createHttpClient(opts: { timeoutMs: number; publicOnly: boolean }): AxiosInstance {
  const agentOptions = { keepAlive: true, ...(opts.publicOnly ? { lookup: publicOnlyLookup as never } : {}) };
  return axios.create({
    timeout: opts.timeoutMs,
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxContentLength: 256 * 1024 * 1024,
    httpAgent: new http.Agent(agentOptions),
    httpsAgent: new https.Agent(agentOptions),
  });
}
