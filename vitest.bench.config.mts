import base from './vitest.config.mts';

// Benchmarks run on the same harness as the tests (real Postgres, Temporal, simulators) but are
// not part of `npm test`: `npm run bench -- load`.
export default {
  ...base,
  test: { ...base.test, include: ['*/bench/**/*.bench.ts'], testTimeout: 900_000, hookTimeout: 300_000 },
};
