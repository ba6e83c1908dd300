import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Client, Connection } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../temporal/temporal.constants';
import { IntegrationRepository } from './integration.repository';
import { LoadRunLiveness } from './load-run-liveness.service';
import { UserLoadSchedules } from './user-load-schedules';

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/**
 * Bounds the reachability probe that starts each attempt: the SDK retries an unreachable server
 * on timers of its own, and one still pending when the connection closes at shutdown throws uncaught.
 */
const PROBE_DEADLINE_MS = 5_000;

/**
 * At boot, brings Temporal in line with the database: every launched integration gets its
 * schedule back (after Temporal data was lost), orphaned schedules go, and runs whose workflow
 * is gone are failed. In the background, retrying while Temporal is not reachable yet, like the
 * embedded worker: the API serves meanwhile.
 */
@Injectable()
export class BootRecoveryService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BootRecoveryService.name);
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private attempting: Promise<void> | undefined;

  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly schedules: UserLoadSchedules,
    private readonly liveness: LoadRunLiveness,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  onApplicationBootstrap(): void {
    this.attempting = this.attempt(FIRST_RETRY_MS);
  }

  /** Before the Temporal connection closes: no new attempt, and the running one has ended. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.attempting;
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
      // createTemporalClient always builds the client on a full Connection (not just ConnectionLike).
      const connection = this.temporal.connection as Connection;
      await connection.withDeadline(Date.now() + PROBE_DEADLINE_MS, () => connection.healthService.check({}));
      await this.recover();
    } catch (err) {
      if (this.stopped) return;
      this.logger.warn(`boot recovery failed (${(err as Error).message}); trying again in ${delayMs / 1000} s`);
      this.retry = setTimeout(() => {
        this.attempting = this.attempt(Math.min(delayMs * 2, MAX_RETRY_MS));
      }, delayMs);
    }
  }
}
