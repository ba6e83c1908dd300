import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from './catalog';
import { PresetSchema } from './preset.schema';
import { getPreset, PRESETS } from './registry';

const SRC = __dirname;

describe('preset registry', () => {
  it('every preset parses against PresetSchema', () => {
    for (const preset of PRESETS) expect(() => PresetSchema.parse(preset), preset.id).not.toThrow();
  });

  it('preset ids are unique', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(['github', 'lever', 'litmos', 'planhat', 'scim']);
  });

  it('rejects a preset whose action uses a missing operation', () => {
    const lever = getPreset('lever');
    const broken = { ...lever, actions: [{ ...lever.actions[0], id: 'deleteUser', operation: 'deleteUser' }] };
    expect(PresetSchema.safeParse(broken).success).toBe(false);
  });

  it('getPreset names the known ids when the id is unknown', () => {
    expect(() => getPreset('nope')).toThrow(/litmos, lever, planhat, scim, github/);
  });

  it('every operation in a vendor file has a one-line doc comment above it', () => {
    for (const preset of PRESETS) {
      const lines = readFileSync(join(SRC, 'vendors', `${preset.id}.ts`), 'utf8').split('\n');
      for (const op of Object.keys(preset.operations)) {
        const at = lines.findIndex((l) => new RegExp(`^    ${op}: `).test(l));
        expect(at, `${preset.id}.${op}`).toBeGreaterThan(0);
        expect(lines[at - 1], `${preset.id}.${op}`).toMatch(/^\s*\/\/ \S/);
      }
    }
  });
});

describe('catalog', () => {
  it('is plain JSON that round-trips', () => {
    expect(JSON.parse(JSON.stringify(CATALOG))).toEqual(CATALOG);
  });

  it('lists regions, auth kinds with their fields, operations, labelled fields and mappings', () => {
    const litmos = CATALOG.presets.find((p) => p.id === 'litmos');
    expect(litmos?.regions.map((r) => r.id)).toEqual(['us', 'eu', 'au']);
    expect(litmos?.authKinds[0]?.fields.map((f) => [f.key, f.secret])).toEqual([
      ['apiKey', true],
      ['source', false],
    ]);
    expect(litmos?.fields.map((f) => f.label)).toEqual(
      expect.arrayContaining(['Access Level', 'Active?', 'Family name', 'First name', 'Id', 'Username']),
    );
    expect(litmos?.defaultMapping.role).toEqual({ from: ['AccessLevel'] });
    const planhat = CATALOG.presets.find((p) => p.id === 'planhat');
    expect(planhat?.authKinds.map((a) => a.kind)).toEqual(['bearer', 'basic']);
    expect(planhat?.fields.map((f) => f.label)).toEqual(
      expect.arrayContaining(['Email', 'First Name', 'Is Admin?', 'Is Developer?', 'Is Inactive?', 'Last Name', 'Nickname', 'Time Zone Offset', 'Type', 'User Id', 'Version', 'Creation Date']),
    );
    const github = CATALOG.presets.find((p) => p.id === 'github');
    expect(github?.operations).toEqual(['listUsers', 'getUser', 'getUserRole', 'deleteUser', 'testCredentials']);
    expect(CATALOG.inventoryFields.map((f) => f.key)).toEqual([
      'externalId', 'email', 'username', 'firstName', 'lastName', 'role', 'active', 'lastLoginAt', 'createdAt', 'deactivatedAt',
    ]);
  });

  it('offers as sync keys only the fields each vendor documents as unique', () => {
    const keys = Object.fromEntries(CATALOG.presets.map((p) => [p.id, p.syncKeyFields]));
    expect(keys).toEqual({
      litmos: ['externalId', 'username'],
      lever: ['externalId', 'email'],
      planhat: ['externalId', 'email'],
      scim: ['externalId', 'username'],
      github: ['externalId', 'username'],
    });
    // Planhat has no username; nickName is a first name shared by many users.
    const planhat = CATALOG.presets.find((p) => p.id === 'planhat');
    expect(planhat?.defaultMapping.username).toBeUndefined();
  });

  it('marks fields only a per-user call returns, and default mappings never read them', () => {
    const github = CATALOG.presets.find((p) => p.id === 'github');
    expect(github?.fields.filter((f) => f.needsDetailCall).map((f) => f.key).sort()).toEqual(['email', 'name', 'state']);
    expect(github?.defaultMapping).not.toHaveProperty('email');
    expect(github?.defaultMapping).not.toHaveProperty('firstName');
    const preset = getPreset('github');
    const pretending = { ...preset, defaultMapping: { ...preset.defaultMapping, email: { from: ['email'] } } };
    expect(PresetSchema.safeParse(pretending).error?.issues[0]?.message).toMatch(/needsDetailCall/);
    const unmappedKey = { ...preset, syncKeyFields: ['email'] };
    expect(PresetSchema.safeParse(unmappedKey).success).toBe(false);
  });

  it('imports nothing that a browser cannot load (no axios, Node built-ins, runtime or simulators)', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?:import|export)[^'"]*from\s+'([^']+)'/g)) {
        const spec = m[1] as string;
        if (spec.startsWith('.')) visit(resolve(dirname(file), `${spec}.ts`));
        else expect(['zod'], `${file} imports ${spec}`).toContain(spec);
      }
    };
    visit(join(SRC, 'catalog.ts'));
    const files = [...seen].map((f) => f.slice(SRC.length));
    expect(files.some((f) => f.includes('runtime') || f.includes('simulators'))).toBe(false);
    expect(files).toContain('/vendors/litmos.ts');
  });
});
