import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// One runner for every package. Tests import sibling packages from source (aliases below), so a
// test never runs against a stale build. SWC compiles TypeScript because Nest's dependency
// injection needs decorator metadata, which esbuild does not emit.
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
    }),
  ],
  resolve: {
    alias: [
      { find: /^@rolecall\/presets$/, replacement: here('./presets/src/index.ts') },
      { find: /^@rolecall\/presets\/(catalog|simulators)$/, replacement: here('./presets/src/$1') },
      { find: /^@rolecall\/server\/api$/, replacement: here('./server/src/api.ts') },
      { find: /^@rolecall\/workflows$/, replacement: here('./workflows/src/index.ts') },
      { find: /^@rolecall\/workflows\/graph$/, replacement: here('./workflows/src/graph/index.ts') },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['{presets,workflows,server}/{src,test}/**/*.{test,spec}.ts', 'e2e/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      {
        // Web units (pure modules and components) in a DOM without a browser: happy-dom needs no
        // install script or downloaded binary. Browser journeys stay in e2e/ on real Chromium.
        extends: true,
        test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
    ],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
