import { describe, expect, it } from 'vitest';
import { readSaasUserParams, writeSaasUserParams } from './saas-user-params';

describe('SaaS user list parameters in the URL', () => {
  it('round-trips filters, order and page, leaving defaults out of the link', () => {
    const query = readSaasUserParams(new URLSearchParams('app=a1&q=ann&status=active&sort=lastLoginAt&dir=desc&page=3&pageSize=100'));
    expect(query).toEqual({
      app: 'a1',
      q: 'ann',
      status: 'active',
      role: undefined,
      lastLoginBefore: undefined,
      customField: undefined,
      customValue: undefined,
      sort: 'lastLoginAt',
      dir: 'desc',
      page: 3,
      pageSize: 100,
    });
    expect(writeSaasUserParams(query, null).toString()).toBe('app=a1&q=ann&status=active&sort=lastLoginAt&dir=desc&page=3&pageSize=100');
    expect(writeSaasUserParams({ ...query, sort: 'appName', dir: 'asc', page: 1, pageSize: 50 }, 'people').toString()).toBe(
      'tab=people&app=a1&q=ann&status=active',
    );
  });

  it('falls back to the defaults for values it does not know', () => {
    expect(readSaasUserParams(new URLSearchParams('status=gone&sort=password&page=-2&pageSize=7'))).toMatchObject({
      status: undefined,
      sort: 'appName',
      page: 1,
      pageSize: 50,
    });
  });
});
