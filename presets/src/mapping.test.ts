import { describe, expect, it } from 'vitest';
import { applyTransform, evaluateMapping, mapToInventory, toIsoDate } from './mapping';
import { lever } from './vendors/lever';
import { planhat } from './vendors/planhat';
import { scim } from './vendors/scim';

describe('mapping', () => {
  it('normalises dates from ISO, epoch ms and ASP.NET /Date()/', () => {
    expect(toIsoDate('2016-12-09T07:54:27Z')).toBe('2016-12-09T07:54:27.000Z');
    expect(toIsoDate(1407357447018)).toBe('2014-08-06T20:37:27.018Z');
    expect(toIsoDate('/Date(1407357447018)/')).toBe('2014-08-06T20:37:27.018Z');
    expect(toIsoDate('/Date(1407357447018+0200)/')).toBe('2014-08-06T20:37:27.018Z');
    expect(toIsoDate('')).toBeNull();
    expect(toIsoDate('never')).toBeNull();
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

  it('maps a Planhat user lacking every legacy and optional field', () => {
    expect(mapToInventory(planhat.defaultMapping, { _id: 'abc' })).toEqual({
      externalId: 'abc',
      email: null,
      username: null,
      firstName: null,
      lastName: null,
      role: null,
      active: null,
      lastLoginAt: null,
      createdAt: null,
      deactivatedAt: null,
    });
  });

  it('keeps the vendor deactivation time (Lever ms epoch) and reads SCIM role values, not display labels', () => {
    const deactivated = mapToInventory(lever.defaultMapping, { id: 'l1', deactivatedAt: 1409556487918 });
    expect(deactivated).toMatchObject({ active: false, deactivatedAt: '2014-09-01T07:28:07.918Z' });
    expect(mapToInventory(lever.defaultMapping, { id: 'l2', deactivatedAt: null })).toMatchObject({ active: true, deactivatedAt: null });
    const roles = [{ value: 'org-admin', display: 'Organization Administrator', primary: true }, { value: 'billing', display: 'Billing' }];
    expect(mapToInventory(scim.defaultMapping, { id: 's1', roles }).role).toBe('org-admin, billing');
    // The display label stays available: transform "list" (e.g. into a custom field) reads it.
    expect(evaluateMapping({ roles }, { from: ['roles'], transform: 'list' })).toBe('Organization Administrator, Billing');
  });

  it('refuses a user without an external id', () => {
    expect(() => mapToInventory(planhat.defaultMapping, { email: 'x@y' })).toThrow(/external id/);
  });
});
