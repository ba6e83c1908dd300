import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = __dirname;
// Web bundles what `@rolecall/server/api` reaches, so nothing there may need Node, Nest or TypeORM.
const ALLOWED_PACKAGES = ['zod', '@rolecall/presets/catalog', '@rolecall/workflows/graph'];

/** Every module specifier a file imports or re-exports, side-effect imports included. */
function specifiersOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const statements = /^\s*(?:import|export)\s[^;'"]*?\bfrom\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;
  return [...source.matchAll(statements)].map((m) => (m[1] ?? m[2]) as string);
}

/** api.ts and every file it reaches through relative imports, as paths under src/. */
function reachableFromApi(): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    const name = relative(SRC, file);
    if (seen.has(name)) return;
    const specs = specifiersOf(file);
    seen.set(name, specs);
    for (const spec of specs) if (spec.startsWith('.')) visit(resolve(dirname(file), `${spec}.ts`));
  };
  visit(join(SRC, 'api.ts'));
  return seen;
}

describe('@rolecall/server/api', () => {
  it('reaches only schema files, which import nothing but zod, the preset catalog and each other', () => {
    const files = reachableFromApi();
    for (const [file, specs] of files) {
      if (file !== 'api.ts') expect(file, 'a file the browser-safe api reaches').toMatch(/\.schema\.ts$/);
      for (const spec of specs.filter((s) => !s.startsWith('.'))) expect(ALLOWED_PACKAGES, `${file} imports ${spec}`).toContain(spec);
    }
    expect([...files.keys()]).toContain(join('integrations', 'integrations.schema.ts'));
  });

  it('exports every schema file of the server, so web never declares a server type by hand', () => {
    const schemas = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.schema.ts'));
    expect(schemas.length).toBeGreaterThan(0);
    expect([...reachableFromApi().keys()].sort()).toEqual(['api.ts', ...schemas].sort());
  });
});
