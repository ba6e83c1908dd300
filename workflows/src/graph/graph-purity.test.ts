import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ALLOWED = ['zod', '@rolecall/presets/catalog'];

/** Non-relative modules a source file imports (static, re-export, side-effect or dynamic) that are not allowed. */
function impureImports(source: string): string[] {
  const specs = [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)'([^']+)'/g)].map((m) => m[1] as string);
  return specs.filter((s) => !s.startsWith('.') && !ALLOWED.includes(s));
}

const shipped = readdirSync(__dirname, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('graph language purity', () => {
  it('finds Node built-ins, Temporal and I/O libraries in a source file', () => {
    const impure = [
      "import { readFileSync } from 'node:fs';",
      "import type { Client } from '@temporalio/client';",
      "export { default } from 'axios';",
      "import 'pg';",
      "const t = await import('typeorm');",
      "import { CATALOG } from '@rolecall/presets';",
      "import { z } from 'zod';",
      "import { CATALOG as C } from '@rolecall/presets/catalog';",
      "import { x } from './x';",
    ].join('\n');
    expect(impureImports(impure)).toEqual(['node:fs', '@temporalio/client', 'axios', 'pg', 'typeorm', '@rolecall/presets']);
  });

  it('imports only zod, @rolecall/presets/catalog and its own files, so browsers and workflow code can load it', () => {
    expect(shipped).toContain('index.ts');
    expect(shipped.length).toBeGreaterThan(20);
    for (const file of shipped) expect(impureImports(readFileSync(join(__dirname, file), 'utf8')), file).toEqual([]);
  });

  it('reads no clock, randomness or environment', () => {
    for (const file of shipped) {
      expect(readFileSync(join(__dirname, file), 'utf8'), file).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random|process\.|globalThis|fetch\(/);
    }
  });
});
