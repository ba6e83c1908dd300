import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.map((name) => ({ name, message: 'Workflow code must not use Node built-ins.' }));
// The root entry pulls the preset runtime (axios, node:http) into the workflow bundle; the
// catalog entry is the browser-safe part.
const presetRuntime = ['@rolecall/presets', '@rolecall/presets/simulators'].map((name) => ({
  name,
  message: 'Import @rolecall/presets/catalog (pure) here; the root entry pulls axios and Node into the bundle.',
}));
const sourceFiles = ['*/src/**/*.{ts,tsx}'];
// Tests and their fixtures are outside the packages' tsconfig projects (tsconfig.tests.json checks them).
const testFiles = ['**/*.test.{ts,tsx}', '**/*.spec.ts', '**/*.fixture.ts'];

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
    // An unawaited promise in the engine loses its error and its ordering: await it, or `void`
    // it with a comment saying why nothing waits. Type-aware, so only on package sources.
    files: sourceFiles,
    ignores: testFiles,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    // Workflow code is replayed by Temporal and must be deterministic: no Node built-ins, no I/O
    // libraries, no activity implementations (types only), nothing that reads clocks or randomness
    // outside @temporalio/workflow's deterministic versions.
    // Contracts are imported by workflow code, so they follow the same rules.
    files: ['workflows/src/workflows/**/*.ts', 'workflows/src/contracts/**/*.ts'],
    ignores: testFiles,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins,
            ...presetRuntime,
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
  {
    // The graph language runs in the browser, the server and workflow code alike: pure zod and
    // the preset catalog only, so the same compile() gives the same answer everywhere.
    files: ['workflows/src/graph/**/*.ts'],
    ignores: testFiles,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|@rolecall/presets/catalog$|\\.\\.?/).*',
              message: 'The graph language is pure: import only zod, @rolecall/presets/catalog and relative modules.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['setTimeout', 'setInterval', 'process', 'fetch'].map((name) => ({ name, message: 'The graph language is pure: no timers, environment or I/O.' })),
      ],
    },
  },
);
