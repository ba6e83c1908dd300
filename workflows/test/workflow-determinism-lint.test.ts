import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });
const workflowFile = `${root}/workflows/src/workflows/example.workflow.ts`;

async function ruleIdsFor(code: string, filePath = workflowFile): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

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
});
