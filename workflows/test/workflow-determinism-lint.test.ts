import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The files linted here exist only as text. Type-aware rules need a TypeScript project for them,
// so they get TypeScript's default project instead of their package's tsconfig.
const virtualFiles = [
  'workflows/src/workflows/example.workflow.ts',
  'workflows/src/activities/example.activity.ts',
  'workflows/src/contracts/example.contract.ts',
  'workflows/src/graph/example.block.ts',
  'server/src/example/example.service.ts',
];
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    files: virtualFiles,
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: virtualFiles } } },
  },
});
const workflowFile = `${root}/workflows/src/workflows/example.workflow.ts`;

async function ruleIdsFor(code: string, filePath = workflowFile): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const restricted = (ids: string[]) => ids.filter((id) => id === '@typescript-eslint/no-restricted-imports');

describe('lint rule for deterministic workflow code', () => {
  it('rejects Node built-ins, I/O libraries and runtime activity imports in workflow files', async () => {
    const code = [
      "import { readFileSync } from 'node:fs';",
      "import crypto from 'crypto';",
      "import axios from 'axios';",
      "import { createActivities } from '../activities';",
      'export const used = [readFileSync, crypto, axios, createActivities];',
    ].join('\n');
    const ids = await ruleIdsFor(code);
    expect(ids.filter((id) => id === '@typescript-eslint/no-restricted-imports')).toHaveLength(4);
  });

  it('rejects timers and process access in workflow files', async () => {
    const ids = await ruleIdsFor('export const t = [setTimeout, process.env];');
    expect(ids.filter((id) => id === 'no-restricted-globals')).toHaveLength(2);
  });

  it('accepts @temporalio/workflow and type-only activity imports', async () => {
    const code = [
      "import { proxyActivities } from '@temporalio/workflow';",
      "import type { Activities } from '../activities';",
      "export const acts = proxyActivities<Activities>({ startToCloseTimeout: '1 minute' });",
    ].join('\n');
    expect(await ruleIdsFor(code)).toEqual([]);
  });

  it('does not restrict activity files', async () => {
    const ids = await ruleIdsFor("import { hostname } from 'node:os';\nexport const h = hostname;", `${root}/workflows/src/activities/example.activity.ts`);
    expect(ids).toEqual([]);
  });

  it('rejects the @rolecall/presets root entry in workflow and contract files, and allows its catalog', async () => {
    const code = [
      "import { createPresetClient } from '@rolecall/presets';",
      "import { startAllSimulators } from '@rolecall/presets/simulators';",
      "import { CATALOG } from '@rolecall/presets/catalog';",
      'export const used = [createPresetClient, startAllSimulators, CATALOG];',
    ].join('\n');
    expect(restricted(await ruleIdsFor(code))).toHaveLength(2);
    expect(restricted(await ruleIdsFor(code, `${root}/workflows/src/contracts/example.contract.ts`))).toHaveLength(2);
  });
});

describe('lint rule for the pure graph language', () => {
  const graphFile = `${root}/workflows/src/graph/example.block.ts`;

  it('rejects Node built-ins, Temporal, I/O libraries and the preset runtime', async () => {
    const imports = ['node:fs', 'path', '@temporalio/workflow', 'axios', 'pg', 'typeorm', '@rolecall/presets', '@rolecall/workflows'];
    const code = [...imports.map((name, i) => `import * as m${i} from '${name}';`), `export const used = [${imports.map((_, i) => `m${i}`).join(', ')}];`].join('\n');
    expect(restricted(await ruleIdsFor(code, graphFile))).toHaveLength(imports.length);
  });

  it('rejects timers and the process environment', async () => {
    const ids = await ruleIdsFor('export const t = [setTimeout, process.env];', graphFile);
    expect(ids.filter((id) => id === 'no-restricted-globals')).toHaveLength(2);
  });

  it('accepts zod, the preset catalog and relative modules', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { CATALOG } from '@rolecall/presets/catalog';",
      "import { other } from './other.block';",
      "import { ir } from '../ir/ir.schema';",
      'export const used = [z, CATALOG, other, ir];',
    ].join('\n');
    expect(await ruleIdsFor(code, graphFile)).toEqual([]);
  });
});

describe('lint rule for floating promises in package sources', () => {
  const sourceFile = `${root}/server/src/example/example.service.ts`;

  it('rejects a promise nobody awaits', async () => {
    const ids = await ruleIdsFor('async function save(): Promise<void> {}\nexport function run(): void {\n  save();\n}', sourceFile);
    expect(ids).toEqual(['@typescript-eslint/no-floating-promises']);
  });

  it('accepts an awaited promise and one explicitly voided', async () => {
    const code = 'async function save(): Promise<void> {}\nexport async function run(): Promise<void> {\n  await save();\n  void save();\n}';
    expect(await ruleIdsFor(code, sourceFile)).toEqual([]);
  });
});
