import { z } from 'zod';
import { AppSeatsSchema } from '../inventory/inventory.schema';

/** Runs (user loads or workflow runs) that finished on one day (UTC). */
export const RunDaySchema = z.object({
  day: z.iso.date(),
  completed: z.number().int(),
  failed: z.number().int(),
});
export type RunDay = z.infer<typeof RunDaySchema>;

/** An integration whose latest load failed. */
export const FailingLoadSchema = z.object({
  integrationId: z.uuid(),
  integrationName: z.string(),
  runId: z.uuid(),
  error: z.string().nullable(),
  at: z.string(),
});
export type FailingLoad = z.infer<typeof FailingLoadSchema>;

/** A credential whose last test failed. */
export const FailingCredentialSchema = z.object({
  credentialId: z.uuid(),
  credentialName: z.string(),
  message: z.string(),
  at: z.string().nullable(),
});
export type FailingCredential = z.infer<typeof FailingCredentialSchema>;

/** The home page: getting-started progress, key numbers, run history and what needs attention. */
export const DashboardSchema = z.object({
  /** Start of each "inactive" window, for links to the filtered inventory. */
  inactiveSince: z.object({ days90: z.string(), days365: z.string() }),
  checklist: z.object({
    credentials: z.number().int(),
    integrations: z.number().int(),
    launchedIntegrations: z.number().int(),
    completedLoads: z.number().int(),
    saasUsers: z.number().int(),
    workflows: z.number().int(),
    /** Workflows with at least one launched version. */
    launchedWorkflows: z.number().int(),
  }),
  apps: z.array(AppSeatsSchema),
  deactivationsThisMonth: z.number().int(),
  /** The last 30 days, oldest first, days without runs included. */
  loadRunsByDay: z.array(RunDaySchema),
  /** The same thirty days for workflow runs (cancelled runs count as neither). */
  workflowRunsByDay: z.array(RunDaySchema),
  failingLoads: z.array(FailingLoadSchema),
  failingCredentials: z.array(FailingCredentialSchema),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
