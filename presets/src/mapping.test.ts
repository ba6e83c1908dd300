import { describe, expect, it } from 'vitest';
import { applyTransform, evaluateMapping, mapRecord, toIsoDate } from './mapping';
import { getPreset } from './registry';
import { planhat } from './vendors/planhat';

// Records as vendors send them, from the examples in shared/vendors.md (after JSON.parse, so
// Litmos' escaped "\/Date(…)\/" arrives as "/Date(…)/").
const LITMOS_USER = {
  Id: 'rnjx2WaQOEY1', UserName: 'janine.butcher@pieshop.net', FirstName: 'Janine', LastName: 'Butcher',
  Email: 'janine.butcher@pieshop.net', AccessLevel: 'Learner', Active: true,
  LastLogin: '2016-12-09T07:54:27Z', CreatedDate: '/Date(1478785811000+0000)/',
};
const LEVER_USER = {
  id: '8d49b010-cc6a-4f40-ace5-e86061c677ed', name: 'Chandler Bing', username: 'chandler', email: 'chandler@example.com',
  createdAt: 1407357447018, deactivatedAt: 1409556487918, accessRole: 'super admin',
};
const PLANHAT_USER = {
  _id: '39a44fdef9324bc092405e024b3b3584', firstName: 'Dave', lastName: 'Claxo', inactive: false, nickName: 'Dave',
  email: 'dave@example.org', createDate: '2019-08-01T11:39:24.025Z',
  roles: [{ _id: '000000000000000000000000', name: 'Administrator', description: 'Full access' }],
};
const SCIM_USER = {
  id: '2819c223-7f76-453a-919d-413861904646', userName: 'bjensen@example.com', name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }], active: 'False', roles: [{ value: 'admin' }],
  meta: { created: '2010-01-23T04:56:22Z', lastModified: '2011-05-13T04:42:34Z' },
};
const GITHUB_MEMBER = { login: 'octocat', id: 1, type: 'User', site_admin: false, role: 'admin' };

const withDefaults = (presetId: string, user: unknown) => mapRecord(user, getPreset(presetId).defaultMapping);

describe('mapping', () => {
  it('normalises every vendor date form to ISO 8601 UTC', () => {
    expect(toIsoDate('2016-12-09T07:54:27Z')).toBe('2016-12-09T07:54:27.000Z'); // Litmos, SCIM
    expect(toIsoDate('2019-08-01T11:39:24.025Z')).toBe('2019-08-01T11:39:24.025Z'); // Planhat
    expect(toIsoDate(1407357447018)).toBe('2014-08-06T20:37:27.018Z'); // Lever epoch ms
    expect(toIsoDate('/Date(1407357447018)/')).toBe('2014-08-06T20:37:27.018Z'); // ASP.NET (Litmos)
    expect(toIsoDate('/Date(1407357447018+0200)/')).toBe('2014-08-06T20:37:27.018Z');
    expect(toIsoDate('/Date(-86400000)/')).toBe('1969-12-31T00:00:00.000Z');
    expect(toIsoDate('2016-12-09T07:54:27')).toBe('2016-12-09T07:54:27.000Z');
    expect(toIsoDate('2016-12-09 07:54')).toBe('2016-12-09T07:54:00.000Z');
    expect(toIsoDate('2016-12-09T09:54:27+02:00')).toBe('2016-12-09T07:54:27.000Z');
    expect(toIsoDate('2016-12-09')).toBe('2016-12-09T00:00:00.000Z');
  });

  it('reads what is not a date as null', () => {
    for (const value of ['', '  ', 'never', null, undefined, true, {}, 1e20, Number.NaN]) expect(toIsoDate(value)).toBeNull();
  });

  it('applies transforms', () => {
    expect(applyTransform(true, 'not')).toBe(false);
    expect(applyTransform('False', 'boolean')).toBe(false);
    expect(applyTransform(null, 'isNull')).toBe(true);
    expect(applyTransform(1409556487918, 'isNull')).toBe(false);
    expect(applyTransform([{ name: 'Administrator' }, 'abc'], 'list')).toBe('Administrator, abc');
    expect(applyTransform([], 'list')).toBeNull();
    expect(applyTransform([{ value: 'a@x', primary: false }, { value: 'b@x', primary: true }], 'primaryValue')).toBe('b@x');
    expect(applyTransform('Chandler Muriel Bing', 'firstWord')).toBe('Chandler');
    expect(applyTransform('Chandler Muriel Bing', 'afterFirstWord')).toBe('Muriel Bing');
    expect(applyTransform('Cher', 'afterFirstWord')).toBeNull();
  });

  it('uses the first present source, then the default, then null', () => {
    expect(evaluateMapping({ b: 'x' }, { from: ['a', 'b'] })).toBe('x');
    expect(evaluateMapping({}, { from: ['a'], default: true })).toBe(true);
    expect(evaluateMapping({}, { from: ['a'] })).toBeNull();
    expect(evaluateMapping({ state: 'pending' }, { from: ['state'], equals: 'active', default: true })).toBe(false);
    expect(evaluateMapping({ name: { givenName: 'Babs' } }, { from: ['name.givenName'] })).toBe('Babs');
  });

  it('maps the documented Litmos user, ASP.NET date included', () => {
    expect(withDefaults('litmos', LITMOS_USER)).toEqual({
      ok: true,
      record: {
        externalId: 'rnjx2WaQOEY1', email: 'janine.butcher@pieshop.net', username: 'janine.butcher@pieshop.net',
        firstName: 'Janine', lastName: 'Butcher', role: 'Learner', active: true,
        lastLoginAt: '2016-12-09T07:54:27.000Z', createdAt: '2016-11-10T13:50:11.000Z', deactivatedAt: null, custom: {},
      },
    });
    expect(withDefaults('litmos', { ...LITMOS_USER, Active: false, LastLogin: null }).record).toMatchObject({ active: false, lastLoginAt: null });
  });

  it('maps the documented Lever user: epoch-ms dates, deactivatedAt as active', () => {
    expect(withDefaults('lever', LEVER_USER).record).toMatchObject({
      externalId: LEVER_USER.id, firstName: 'Chandler', lastName: 'Bing', role: 'super admin', active: false,
      createdAt: '2014-08-06T20:37:27.018Z', lastLoginAt: null,
    });
    expect(withDefaults('lever', { ...LEVER_USER, deactivatedAt: null }).record.active).toBe(true);
  });

  it('maps the documented Planhat, SCIM and GitHub users', () => {
    expect(withDefaults('planhat', PLANHAT_USER).record).toMatchObject({
      externalId: PLANHAT_USER._id, role: 'Administrator', active: true, createdAt: '2019-08-01T11:39:24.025Z',
    });
    expect(withDefaults('scim', SCIM_USER).record).toMatchObject({
      externalId: SCIM_USER.id, email: 'bjensen@example.com', firstName: 'Barbara', role: 'admin', active: false,
      createdAt: '2010-01-23T04:56:22.000Z',
    });
    expect(withDefaults('scim', { ...SCIM_USER, active: true }).record.active).toBe(true);
    // Listed GitHub members are active (pending invitations are not listed).
    expect(withDefaults('github', GITHUB_MEMBER).record).toMatchObject({ externalId: 'octocat', username: 'octocat', role: 'admin', active: true });
  });

  it('coerces dates and booleans the same without a transform (admin-made mappings)', () => {
    const mappings = {
      externalId: { from: ['id'] },
      role: { from: ['isAdmin'] },
      active: { from: ['enabled'] },
      lastLoginAt: { from: ['lastLogin'] },
      createdAt: { from: ['created'] },
    };
    const user = { id: 7, isAdmin: true, enabled: 'TRUE', lastLogin: 1407357447018, created: '/Date(1407357447018)/' };
    expect(mapRecord(user, mappings).record).toMatchObject({
      externalId: '7', role: 'true', active: true, lastLoginAt: '2014-08-06T20:37:27.018Z', createdAt: '2014-08-06T20:37:27.018Z',
    });
    expect(mapRecord({ ...user, enabled: 'yes', lastLogin: 'soon' }, mappings).record).toMatchObject({ active: null, lastLoginAt: null });
  });

  it('maps declared custom fields by type and ignores undeclared ones', () => {
    const mappings = {
      externalId: { from: ['id'] },
      'custom.seen': { from: ['seen'] },
      'custom.admin': { from: ['admin'] },
      'custom.seats': { from: ['seats'] },
      'custom.tags': { from: ['tags'] },
      'custom.extra': { from: ['id'] },
    };
    const customFields = [
      { key: 'seen', type: 'datetime' }, { key: 'admin', type: 'boolean' }, { key: 'seats', type: 'number' }, { key: 'tags', type: 'string' },
    ] as const;
    const user = { id: 'u1', seen: 1407357447018, admin: 'False', seats: ' 42 ', tags: ['a', 'b'] };
    expect(mapRecord(user, mappings, customFields).record.custom).toEqual({
      seen: '2014-08-06T20:37:27.018Z', admin: false, seats: 42, tags: ['a', 'b'],
    });
    expect(mapRecord({ id: 'u1', admin: 'maybe', seats: {} }, mappings, customFields).record.custom).toEqual({
      seen: null, admin: null, seats: null, tags: null,
    });
  });

  it('maps a Planhat user lacking every legacy and optional field to nulls', () => {
    expect(mapRecord({ _id: 'abc' }, planhat.defaultMapping)).toEqual({
      ok: true,
      record: {
        externalId: 'abc', email: null, username: null, firstName: null, lastName: null, role: null,
        active: null, lastLoginAt: null, createdAt: null, deactivatedAt: null, custom: {},
      },
    });
  });

  it('keeps the vendor deactivation time (Lever ms epoch) and reads SCIM role values, not display labels', () => {
    const deactivated = withDefaults('lever', { id: 'l1', deactivatedAt: 1409556487918 }).record;
    expect(deactivated).toMatchObject({ active: false, deactivatedAt: '2014-09-01T07:28:07.918Z' });
    expect(withDefaults('lever', { id: 'l2', deactivatedAt: null }).record).toMatchObject({ active: true, deactivatedAt: null });
    const roles = [{ value: 'org-admin', display: 'Organization Administrator', primary: true }, { value: 'billing', display: 'Billing' }];
    expect(withDefaults('scim', { id: 's1', roles }).record.role).toBe('org-admin, billing');
    // The display label stays available: transform "list" (e.g. into a custom field) reads it.
    expect(evaluateMapping({ roles }, { from: ['roles'], transform: 'list' })).toBe('Organization Administrator, Billing');
  });

  it('lower-cases emails and fails a record whose email cannot be one', () => {
    expect(mapRecord({ _id: 'a', email: ' Dave@Example.ORG ' }, planhat.defaultMapping).record.email).toBe('dave@example.org');
    expect(mapRecord({ _id: 'a', email: 'not-an-email' }, planhat.defaultMapping)).toMatchObject({ ok: false, reason: 'invalid email: "not-an-email"' });
  });
});
