import { z } from 'zod';

/**
 * Blast radius of a destructive block: a run that would act on more users than the smaller of
 * the two limits stops and waits for approval. At least one limit is required (MISSING_CAP).
 */
export const CapSchema = z.object({
  maxUsers: z.int().positive().optional(),
  /** Percent of the run's population, rounded down but never below one user. */
  maxPercent: z.number().gt(0).max(100).optional(),
});
export type Cap = z.infer<typeof CapSchema>;

/** 25 users or 10 % of the population, whichever is smaller. */
export const DEFAULT_CAP = { maxUsers: 25, maxPercent: 10 } as const satisfies Cap;

/**
 * How many users a run over `population` records may act on before it needs approval (Infinity
 * without limits). The percent never rounds below `floor` (one user): one user is no mass effect,
 * and an event run (one offboarded person, one account) would otherwise wait for approval every
 * time. (`floor` 0 is the rule runs started before it keep when their history is replayed.)
 */
export function capLimit(cap: Cap, population: number, floor = 1): number {
  const limits = [cap.maxUsers, cap.maxPercent === undefined ? undefined : Math.max(floor, Math.floor((population * cap.maxPercent) / 100))];
  return Math.min(...limits.filter((l): l is number => l !== undefined));
}
