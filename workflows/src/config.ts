import { z } from 'zod';

/** Log levels of the Temporal SDK runtime (its own names, upper case). */
export const TemporalLogLevelSchema = z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']);

/**
 * Where the Temporal server is, which task queue Rolecall's workflows run on, and how much the
 * SDK logs. The server builds it once from its environment (server/src/temporal/temporal-config.ts)
 * for both the client and the worker.
 */
export const TemporalConfigSchema = z.object({
  address: z.string().min(1),
  namespace: z.string().min(1),
  taskQueue: z.string().min(1),
  logLevel: TemporalLogLevelSchema,
});
export type TemporalConfig = z.infer<typeof TemporalConfigSchema>;
