import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createRolecallWorker } from '@rolecall/workflows';
import type { PayloadCodec } from '@temporalio/common';
import type { Worker } from '@temporalio/worker';
import { APP_CONFIG } from '../config/config.module';
import { PAYLOAD_CODEC } from '../temporal/temporal.constants';
import { temporalConfig } from '../temporal/temporal-config';
import { withDatabaseFaultsClassified } from '../user-loads/database-faults';
import { UserLoadService } from '../user-loads/user-load.service';
import type { Env } from '../config/env';

const FIRST_RETRY_DELAY_MS = 1_000;
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Runs the Temporal worker inside this process: the API in embedded mode, or the standalone
 * worker process (worker.main.ts). If Temporal is not up yet
 * it keeps retrying in the background, so the API (and its health check) is available meanwhile.
 */
@Injectable()
export class EmbeddedWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmbeddedWorkerService.name);
  private worker: Worker | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly env: Env,
    private readonly userLoads: UserLoadService,
    @Inject(PAYLOAD_CODEC) private readonly payloadCodec: PayloadCodec,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.ROLECALL_EMBEDDED_WORKER) return;
    this.running = this.runUntilShutdown();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
  }

  private async runUntilShutdown(): Promise<void> {
    const config = temporalConfig(this.env);
    let delayMs = FIRST_RETRY_DELAY_MS;
    while (!this.stopping) {
      try {
        this.worker = await createRolecallWorker({
          config,
          payloadCodec: this.payloadCodec,
          deps: { userLoads: withDatabaseFaultsClassified(this.userLoads) },
        });
        if (this.stopping) return;
        this.logger.log(`worker polling task queue ${config.taskQueue} on ${config.address}`);
        await this.worker.run();
        return;
      } catch (err) {
        if (this.stopping) return;
        this.logger.warn(`worker could not run (${(err as Error).message}); retrying in ${delayMs / 1000} s`);
        await new Promise((r) => setTimeout(r, delayMs));
        delayMs = Math.min(delayMs * 2, MAX_RETRY_DELAY_MS);
      }
    }
  }
}
