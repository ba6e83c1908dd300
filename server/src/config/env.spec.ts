import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from './env';

const serverPackage = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

describe('loadEnv', () => {
  it('applies the embedded defaults to an empty environment', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(env.ROLECALL_EMBEDDED_WORKER).toBe(true);
    expect(env.ROLECALL_ALLOWED_HOSTS).toEqual([]);
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x@y/z', TEMPORAL_ADDRESS: 'nohost', LOG_LEVEL: 'loud', TEMPORAL_LOG_LEVEL: 'chatty' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(problems.sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'TEMPORAL_ADDRESS', 'TEMPORAL_LOG_LEVEL']);
  });

  it('takes the first admin as an email and password pair, lower-casing the email', () => {
    const env = loadEnv({ ROLECALL_ADMIN_EMAIL: ' Admin@Example.COM ', ROLECALL_ADMIN_PASSWORD: 'twelve chars!' });
    expect(env.ROLECALL_ADMIN_EMAIL).toBe('admin@example.com');
    for (const half of [{ ROLECALL_ADMIN_EMAIL: 'a@example.com' }, { ROLECALL_ADMIN_PASSWORD: 'twelve chars!' }]) {
      expect(() => loadEnv(half)).toThrow(/set ROLECALL_ADMIN_EMAIL and ROLECALL_ADMIN_PASSWORD together/);
    }
    expect(() => loadEnv({ ROLECALL_ADMIN_EMAIL: 'a@example.com', ROLECALL_ADMIN_PASSWORD: 'short' })).toThrow(/ROLECALL_ADMIN_PASSWORD: use at least 12 characters/);
  });

  it('splits the allowed hosts list', () => {
    expect(loadEnv({ ROLECALL_ALLOWED_HOSTS: '127.0.0.1, localhost,' }).ROLECALL_ALLOWED_HOSTS).toEqual([
      '127.0.0.1',
      'localhost',
    ]);
  });

  it('splits the allowed hosts list on commas and spaces, lower-cased like the SSRF guard compares', () => {
    expect(loadEnv({ ROLECALL_ALLOWED_HOSTS: 'LocalHost scim.internal:8443' }).ROLECALL_ALLOWED_HOSTS).toEqual(['localhost', 'scim.internal:8443']);
  });

  it('reads the Temporal SDK log level in any case, WARN by default', () => {
    expect(loadEnv({}).TEMPORAL_LOG_LEVEL).toBe('WARN');
    expect(loadEnv({ TEMPORAL_LOG_LEVEL: 'debug' }).TEMPORAL_LOG_LEVEL).toBe('DEBUG');
  });

  it('reports the server package version without npm (node server/dist/main.js), unless a build stamps one', () => {
    expect(serverPackage.name).toBe('@rolecall/server');
    // An environment without npm_package_version is what a direct `node` run or the Docker image sees.
    expect(loadEnv({}).ROLECALL_VERSION).toBe(serverPackage.version);
    expect(loadEnv({ npm_package_version: '9.9.9' }).ROLECALL_VERSION).toBe(serverPackage.version);
    expect(loadEnv({ ROLECALL_VERSION: '1.4.0+abc123' }).ROLECALL_VERSION).toBe('1.4.0+abc123');
  });

  it('trusts no proxy by default and only the proxies it is told of', () => {
    expect(loadEnv({}).ROLECALL_TRUST_PROXY).toBe(false);
    expect(loadEnv({ ROLECALL_TRUST_PROXY: '1' }).ROLECALL_TRUST_PROXY).toBe(1);
    expect(loadEnv({ ROLECALL_TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).ROLECALL_TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
    expect(() => loadEnv({ ROLECALL_TRUST_PROXY: 'true' })).toThrow(/ROLECALL_TRUST_PROXY: .*'true' would trust any client/);
    expect(() => loadEnv({ ROLECALL_TRUST_PROXY: 'proxy.example.com' })).toThrow(/not understood: proxy\.example\.com/);
  });
});
