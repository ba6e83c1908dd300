import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IntegrationRepository } from './integration.repository';
import { LoadRunLiveness } from './load-run-liveness.service';
import { UserLoadSchedules } from './user-load-schedules';

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * At boot, brings Temporal in line with the database: every launched integration gets its
 * schedule back (after Temporal data was lost), orphaned schedules go, and runs whose workflow
 * is gone are failed. In the background, retrying while Temporal is not reachable yet, like the
 * embedded worker: the API serves meanwhile.
 */
@Injectable()
export class BootRecoveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BootRecoveryService.name);
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly schedules: UserLoadSchedules,
    private readonly liveness: LoadRunLiveness,
  ) {}

  onApplicationBootstrap(): void {
    void this.attempt(FIRST_RETRY_MS);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  /** One reconciliation of schedules and unfinished runs; safe to repeat. */
  async recover(): Promise<void> {
    const integrations = await this.integrations.list();
    const removed = await this.schedules.reconcile(integrations);
    const launched = integrations.filter((i) => i.status !== 'draft').length;
    const failed = await this.liveness.settleAll();
    this.logger.log(`reconciled ${launched} schedule(s), removed ${removed.length} orphaned, failed ${failed} run(s) whose workflow is gone`);
  }

  private async attempt(delayMs: number): Promise<void> {
    try {
      await this.recover();
    } catch (err) {
      if (this.stopped) return;
      this.logger.warn(`boot recovery failed (${(err as Error).message}); trying again in ${delayMs / 1000} s`);
      this.retry = setTimeout(() => void this.attempt(Math.min(delayMs * 2, MAX_RETRY_MS)), delayMs);
    }
  }
}
