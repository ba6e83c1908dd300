import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.rolecall/**', 'test-results/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read JSON responses whose shape the assertions themselves check.
    files: ['**/test/**/*.ts', '**/*.test.ts', '**/*.spec.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Workflow code is replayed by Temporal and must be deterministic: no Node built-ins, no I/O
    // libraries, no activity implementations (types only), nothing that reads clocks or randomness
    // outside @temporalio/workflow's deterministic versions.
    files: ['workflows/src/workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...builtinModules.map((name) => ({ name, message: 'Workflow code must not use Node built-ins.' })),
            ...['axios', 'pg', 'typeorm', 'uuid', 'nanoid', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'].map(
              (name) => ({ name, message: 'Workflow code must be deterministic; do this in an activity.' }),
            ),
          ],
          patterns: [
            { group: ['node:*'], message: 'Workflow code must not use Node built-ins.' },
            {
              group: ['../activities', '../activities/*', '**/activities/**'],
              allowTypeImports: true,
              message: 'Import activities as types only (proxyActivities<typeof …>).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Workflow code must not use timers.' },
        { name: 'process', message: 'Workflow code must not read the process environment.' },
        { name: 'fetch', message: 'Do I/O in an activity.' },
      ],
    },
  },
);
