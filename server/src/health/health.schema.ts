import { z } from 'zod';

export const ServiceHealthSchema = z.object({
  status: z.enum(['up', 'down']),
  /** Round-trip time of the probe in milliseconds (also set when it failed). */
  latencyMs: z.number(),
  /** Why the probe failed; absent when up. */
  error: z.string().optional(),
});

export const HealthSchema = z.object({
  /** `ok` when every dependency is up, `degraded` otherwise (HTTP 503). */
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  services: z.object({
    postgres: ServiceHealthSchema,
    temporal: ServiceHealthSchema,
    /** Down when the vault keys cannot open some stored credentials; `error` names them and the repair to a signed-in caller, and only counts them for anyone else. */
    vault: ServiceHealthSchema,
  }),
});

export type ServiceHealth = z.infer<typeof ServiceHealthSchema>;
export type Health = z.infer<typeof HealthSchema>;
