import base from './vitest.config.mts';

// Benchmarks run on the same harness as the tests (real Postgres, Temporal, simulators) but are
// not part of `npm test`: `npm run bench -- load`. One project of their own: the test projects'
// include lists would otherwise replace the bench files.
const { projects: _testProjects, ...shared } = base.test ?? {};

export default {
  ...base,
  test: { ...shared, include: ['*/bench/**/*.bench.ts'], testTimeout: 900_000, hookTimeout: 300_000 },
};
