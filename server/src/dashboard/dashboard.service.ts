import { Injectable } from '@nestjs/common';
import { CredentialsService } from '../credentials/credentials.service';
import { IntegrationsService } from '../integrations/integrations.service';
import { LoadRunsService } from '../integrations/load-runs.service';
import { InventoryService } from '../inventory/inventory.service';
import type { Dashboard } from './dashboard.schema';

const DAY_MS = 86_400_000;
/** How far back the run chart reaches. */
const CHART_DAYS = 30;

/** Puts together the home page from what each owning module reports. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly integrations: IntegrationsService,
    private readonly loadRuns: LoadRunsService,
    private readonly inventory: InventoryService,
  ) {}

  async get(now: Date): Promise<Dashboard> {
    const days90 = new Date(now.getTime() - 90 * DAY_MS);
    const days365 = new Date(now.getTime() - 365 * DAY_MS);
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const chartStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (CHART_DAYS - 1)));
    const [credentials, integrations, apps, deactivations, runDays, completedLoads, failingLoads] = await Promise.all([
      this.credentials.list(),
      this.integrations.list(),
      this.inventory.seatsPerApp(days90, days365),
      this.inventory.countDeactivationsSince(monthStart),
      this.loadRuns.finishedPerDay(chartStart),
      this.loadRuns.countCompleted(),
      this.loadRuns.failingLatest(),
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
      },
      apps,
      deactivationsThisMonth: deactivations,
      loadRunsByDay: Array.from({ length: CHART_DAYS }, (_, i) => {
        const day = new Date(chartStart.getTime() + i * DAY_MS).toISOString().slice(0, 10);
        return { day, completed: runDays.get(day)?.completed ?? 0, failed: runDays.get(day)?.failed ?? 0 };
      }),
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
