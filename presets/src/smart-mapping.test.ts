import { describe, expect, it } from 'vitest';
import { getPreset, PRESETS } from './registry';
import { smartMapping } from './smart-mapping';

describe('Smart Mapping', () => {
  it('maps the Litmos fields by their labels and types', () => {
    const { mappings, unmapped } = smartMapping(getPreset('litmos').fields);
    expect(mappings).toMatchObject({
      externalId: { from: ['Id'] },
      email: { from: ['Email'] },
      username: { from: ['UserName'] },
      firstName: { from: ['FirstName'] },
      lastName: { from: ['LastName'] }, // labelled "Family name"
      role: { from: ['AccessLevel'] }, // labelled "Access Level"
      active: { from: ['Active'], transform: 'boolean' },
      lastLoginAt: { from: ['LastLogin'], transform: 'isoDate' },
      createdAt: { from: ['CreatedDate'], transform: 'isoDate' },
    });
    expect(unmapped.map((f) => f.key)).toContain('JobTitle');
  });

  it('maps Lever, reading activity from the deactivation date', () => {
    const { mappings } = smartMapping(getPreset('lever').fields);
    expect(mappings).toMatchObject({
      externalId: { from: ['id'] },
      email: { from: ['email'] },
      username: { from: ['username'] },
      role: { from: ['accessRole'] },
      active: { from: ['deactivatedAt'], transform: 'isNull' },
      createdAt: { from: ['createdAt'], transform: 'isoDate' },
    });
    // Lever has one full name only: no field to take first/last names from by name alone.
    expect(mappings.firstName).toBeUndefined();
  });

  it('maps Planhat, negating "Is Inactive?" and tolerating legacy fields', () => {
    const { mappings } = smartMapping(getPreset('planhat').fields);
    expect(mappings).toMatchObject({
      externalId: { from: ['_id'] },
      email: { from: ['email'] },
      firstName: { from: ['firstName'] },
      lastName: { from: ['lastName'] },
      role: { from: ['roles'], transform: 'list' },
      active: { from: ['inactive'], transform: 'not' },
      createdAt: { from: ['createDate'], transform: 'isoDate' },
    });
  });

  it('never maps one vendor field to two inventory fields', () => {
    for (const id of ['litmos', 'lever', 'planhat', 'scim', 'github']) {
      const sources = Object.values(smartMapping(getPreset(id).fields).mappings).map((m) => m.from?.[0]);
      expect(new Set(sources).size, id).toBe(sources.length);
    }
  });

  it('is never worse than the default mapping: each field the default maps stays mapped', () => {
    for (const preset of PRESETS) {
      const { mappings } = smartMapping(preset.fields, preset.defaultMapping);
      for (const [target, mapping] of Object.entries(preset.defaultMapping)) {
        if (mapping) expect(mappings[target as keyof typeof mappings], `${preset.id} ${target}`).toBeDefined();
      }
    }
  });

  it('keeps its own name matches over the default and fills only the gaps from it', () => {
    const lever = getPreset('lever');
    const { mappings, unmapped } = smartMapping(lever.fields, lever.defaultMapping);
    expect(mappings.active).toEqual({ from: ['deactivatedAt'], transform: 'isNull' });
    expect(mappings.deactivatedAt).toEqual(lever.defaultMapping.deactivatedAt);
    for (const field of unmapped) {
      expect(Object.values(mappings).some((m) => m.from?.includes(field.key)), field.key).toBe(false);
    }
  });
});
