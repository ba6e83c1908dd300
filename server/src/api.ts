/**
 * The browser-safe face of the server, published as `@rolecall/server/api`: the zod schemas of
 * every request and response and their types, so web declares none of them by hand. Only
 * `*.schema.ts` files belong here; they import zod, `@rolecall/presets/catalog` and each other
 * only (api.spec.ts holds them to that).
 */
export * from './all-runs/all-runs.schema';
export * from './audit/audit.schema';
export * from './auth/auth.schema';
export * from './common/plain-text.schema';
export * from './common/problem.schema';
export * from './credentials/credentials.schema';
export * from './dashboard/dashboard.schema';
export * from './health/health.schema';
export * from './integrations/integrations.schema';
export * from './inventory/inventory.schema';
export * from './temporal-codec/temporal-codec.schema';
export * from './runs/runs.schema';
export * from './workflows/workflows.schema';
