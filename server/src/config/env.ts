import { parseAllowedHosts } from '@rolecall/presets';
import { TemporalLogLevelSchema } from '@rolecall/workflows';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { inspect } from 'node:util';
import { z } from 'zod';

/** Master keys from the environment; prints as "[REDACTED]" so a logged config never leaks them. */
export class MasterKeys {
  constructor(readonly keys: readonly Buffer[]) {}

  toJSON(): string {
    return '[REDACTED]';
  }

  [inspect.custom](): string {
    return 'MasterKeys [REDACTED]';
  }
}

const booleanFromString = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/**
 * `ROLECALL_MASTER_KEY`: base64 32-byte keys separated by commas, the first being the current one.
 * Messages name the bad entry by position only: the value is a secret and is never echoed.
 */
const masterKeyList = z.string().transform((value, ctx) => {
  const entries = value.split(',').map((k) => k.trim());
  const keys: Buffer[] = [];
  entries.forEach((entry, i) => {
    const key = /^[A-Za-z0-9+/_-]{43}=?$/.test(entry) ? Buffer.from(entry, 'base64') : undefined;
    if (key?.length !== 32) {
      ctx.addIssue({
        code: 'custom',
        message: `entry ${i + 1} of ${entries.length} is not a base64-encoded 32-byte key (make one with \`openssl rand -base64 32\`)`,
      });
    } else if (keys.some((k) => k.equals(key))) {
      ctx.addIssue({ code: 'custom', message: `entry ${i + 1} of ${entries.length} repeats an earlier key` });
    } else {
      keys.push(key);
    }
  });
  return new MasterKeys(keys);
});

/** A comma-separated list; blanks dropped. */
const commaList = z.string().transform((v) => v.split(',').map((e) => e.trim()).filter(Boolean));

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (entry: string) => {
  const [address = '', bits, ...rest] = entry.split('/');
  return rest.length === 0 && isIP(address) !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits));
};

/**
 * Express's `trust proxy`: a hop count, or the proxies' addresses, subnets or Express's names for
 * them (`loopback`, `linklocal`, `uniquelocal`). `true` is refused: it would let any client forge
 * its address (and so dodge the sign-in throttle) by sending X-Forwarded-For itself.
 */
const trustProxy = commaList.transform((entries, ctx): false | number | string[] => {
  const only = entries.length === 1 ? entries[0]! : undefined;
  if (only === 'false') return false;
  if (only !== undefined && /^\d+$/.test(only)) return Number(only);
  const bad = entries.filter((e) => !PROXY_KEYWORDS.has(e) && !isProxyAddress(e));
  if (bad.length > 0 || entries.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message: `name the proxies in front of the server (loopback, an address such as 10.0.0.5 or a subnet such as 10.0.0.0/8) or give their number of hops${only === 'true' ? "; 'true' would trust any client's X-Forwarded-For" : `; not understood: ${bad.join(', ')}`}`,
    });
    return z.NEVER;
  }
  return entries;
});

/** Comma-separated web origins ("http://localhost:8233"): scheme, host and port, nothing else. */
const originList = commaList.pipe(
  z.array(z.string().refine((o) => URL.parse(o)?.origin === o, 'must be origins like http://localhost:8233 (no path)')),
);

/**
 * The server package's own version. Read relative to this module, which sits two levels below
 * server/package.json both in src/ and in dist/, so `npm start`, `node server/dist/main.js` and
 * the Docker image agree (npm_package_version exists only under npm, and names the root package).
 */
function serverPackageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
  return z.object({ version: z.string().min(1) }).parse(pkg).version;
}

/**
 * Every environment variable the server reads, parsed once at boot. Defaults describe the
 * embedded mode (`npm start` on one machine); the scale-out setup overrides the addresses.
 */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Host names the server answers to (the Host header, any port), besides localhost, 127.0.0.1,
   * ::1 and HOST. Requests naming any other host are refused (DNS rebinding); set the public
   * name here when the server sits behind one (e.g. rolecall.example.com).
   */
  ROLECALL_SERVER_HOSTNAMES: commaList.pipe(z.array(z.string().max(253).transform((h) => h.toLowerCase()))).default([]),
  /**
   * Which reverse proxies may tell the client's address and scheme (X-Forwarded-For/-Proto).
   * Unset trusts none, right for the embedded default on localhost. Behind a proxy, set it so
   * the sign-in throttle counts each client apart and session cookies are Secure under TLS.
   */
  ROLECALL_TRUST_PROXY: trustProxy.default(false),
  /** Origins of the Temporal Web UI allowed to call the payload codec endpoint (CORS). */
  ROLECALL_TEMPORAL_UI_ORIGINS: originList.default(['http://localhost:8233']),
  DATABASE_URL: z
    .string()
    .url()
    .refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/rolecall'),
  /** Run pending migrations at boot (embedded default). Turn off when a release job migrates. */
  ROLECALL_MIGRATE_ON_START: booleanFromString.default(true),
  TEMPORAL_ADDRESS: z.string().regex(/^[^\s:]+:\d+$/, 'must be host:port').default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('rolecall'),
  /** Log level of the Temporal SDK inside workers: it logs every worker state change at INFO. */
  TEMPORAL_LOG_LEVEL: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(TemporalLogLevelSchema)
    .default('WARN'),
  /** Run the Temporal worker inside the API process (embedded default); scale-out runs workers apart. */
  ROLECALL_EMBEDDED_WORKER: booleanFromString.default(true),
  ROLECALL_DATA_DIR: z.string().min(1).default('.rolecall'),
  /** Built web app to serve at /; empty string disables serving it (API-only deployments). */
  ROLECALL_WEB_DIST: z.string().default(resolve(__dirname, '..', '..', '..', 'web', 'dist')),
  /** Extra hosts the preset runtime may call besides each preset's own base URLs (e.g. simulators). */
  ROLECALL_ALLOWED_HOSTS: z.string().transform(parseAllowedHosts).default([]),
  /**
   * A load that skips or fails more than this share of the records it fetched ends as
   * `completed_with_warnings`, never as a plain `completed` (0.5 = more than half).
   */
  ROLECALL_LOAD_WARN_SHARE: z.coerce.number().min(0).max(1).default(0.5),
  /**
   * Vault master keys (base64, 32 bytes each, comma-separated, current first). Unset in embedded
   * mode: a key file is generated under ROLECALL_DATA_DIR instead.
   */
  ROLECALL_MASTER_KEY: masterKeyList.optional(),
  /** Simulator URLs and demo credentials written by `npm start`; seeds a fresh installation. */
  ROLECALL_DEMO_SIMULATORS_FILE: z.string().optional(),
  /**
   * The first admin: created at boot when no user has this email (an existing user is never
   * changed, so a restart cannot reset a password). Set both or neither.
   */
  ROLECALL_ADMIN_EMAIL: z.string().trim().toLowerCase().pipe(z.email()).optional(),
  ROLECALL_ADMIN_PASSWORD: z.string().min(12, 'use at least 12 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Reported by /api/health; a build may stamp its own (e.g. a git tag). */
  ROLECALL_VERSION: z.string().min(1).default(serverPackageVersion),
}).superRefine((env, ctx) => {
  if ((env.ROLECALL_ADMIN_EMAIL === undefined) !== (env.ROLECALL_ADMIN_PASSWORD === undefined)) {
    const missing = env.ROLECALL_ADMIN_EMAIL === undefined ? 'ROLECALL_ADMIN_EMAIL' : 'ROLECALL_ADMIN_PASSWORD';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'set ROLECALL_ADMIN_EMAIL and ROLECALL_ADMIN_PASSWORD together' });
  }
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment, failing with one error that lists every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // Empty strings mean "unset" for everything but ROLECALL_WEB_DIST, where empty disables the web app.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([k, v]) => v !== '' || k === 'ROLECALL_WEB_DIST'),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  );
}
