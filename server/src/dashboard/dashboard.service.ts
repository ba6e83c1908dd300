import { Injectable } from '@nestjs/common';
import { CredentialsService } from '../credentials/credentials.service';
import { IntegrationsService } from '../integrations/integrations.service';
import { LoadRunsService } from '../integrations/load-runs.service';
import { InventoryService } from '../inventory/inventory.service';
import { RunsService } from '../runs/runs.service';
import { WorkflowsService } from '../workflows/workflows.service';
import type { Dashboard, RunDay } from './dashboard.schema';

const DAY_MS = 86_400_000;
/** How far back the run chart reaches. */
const CHART_DAYS = 30;

/** Every chart day from `start`, days without runs included. */
function chartDays(start: Date, counts: ReadonlyMap<string, { completed: number; failed: number }>): RunDay[] {
  return Array.from({ length: CHART_DAYS }, (_, i) => {
    const day = new Date(start.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    return { day, completed: counts.get(day)?.completed ?? 0, failed: counts.get(day)?.failed ?? 0 };
  });
}

/** Puts together the home page from what each owning module reports. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly integrations: IntegrationsService,
    private readonly loadRuns: LoadRunsService,
    private readonly inventory: InventoryService,
    private readonly workflows: WorkflowsService,
    private readonly workflowRuns: RunsService,
  ) {}

  async get(now: Date): Promise<Dashboard> {
    const days90 = new Date(now.getTime() - 90 * DAY_MS);
    const days365 = new Date(now.getTime() - 365 * DAY_MS);
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const chartStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (CHART_DAYS - 1)));
    const [credentials, integrations, apps, deactivations, runDays, completedLoads, failingLoads, workflows, workflowRunDays] = await Promise.all([
      this.credentials.list(),
      this.integrations.list(),
      this.inventory.seatsPerApp(days90, days365),
      this.inventory.countDeactivationsSince(monthStart),
      this.loadRuns.finishedPerDay(chartStart),
      this.loadRuns.countCompleted(),
      this.loadRuns.failingLatest(),
      this.workflows.list(),
      this.workflowRuns.finishedPerDay(chartStart),
    ]);
    const names = new Map(integrations.map((i) => [i.id, i.name]));
    return {
      inactiveSince: { days90: days90.toISOString(), days365: days365.toISOString() },
      checklist: {
        credentials: credentials.length,
        integrations: integrations.length,
        launchedIntegrations: integrations.filter((i) => i.status !== 'draft').length,
        completedLoads,
        saasUsers: apps.reduce((sum, app) => sum + app.activeUsers, 0),
        workflows: workflows.length,
        launchedWorkflows: workflows.filter((w) => w.latestVersion !== null).length,
      },
      apps,
      deactivationsThisMonth: deactivations,
      loadRunsByDay: chartDays(chartStart, runDays),
      workflowRunsByDay: chartDays(chartStart, workflowRunDays),
      failingLoads: failingLoads.map((run) => ({
        integrationId: run.integrationId,
        integrationName: names.get(run.integrationId) ?? run.integrationId,
        runId: run.id,
        error: run.error,
        at: run.finishedAt ?? run.startedAt,
      })),
      failingCredentials: credentials.flatMap((c) =>
        c.lastTestResult && !c.lastTestResult.ok
          ? [{ credentialId: c.id, credentialName: c.name, message: c.lastTestResult.message, at: c.lastTestedAt }]
          : [],
      ),
    };
  }
}
