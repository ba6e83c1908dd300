import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { runGraphContract, startWorkflow } from '@rolecall/workflows';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { InventoryRunService } from '../inventory/inventory-run.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.constants';
import { RunTriggerEventRepository } from './run-trigger-event.repository';
import type { WorkflowVersion } from './workflow-version.entity';
import { WorkflowsService } from './workflows.service';

/** How often the outbox is read. */
const POLL_MS = 1_000;
/**
 * Event ids are assigned at insert, not at commit: a transaction that commits late shows up with
 * an id below ones already consumed. Each poll re-reads this many ids below the highest consumed
 * one, and the (version, event) key of run_trigger_event keeps each event to one run.
 */
const RESCAN_WINDOW = 1_000;
const PAGE = 200;

/**
 * Consumes the inventory_event outbox for every active version whose Begin is event-triggered:
 * one run per matching event, exactly once per (version, event), with the deterministic workflow
 * id `run-<versionId>-event-<eventId>`. The run is started before the event is marked consumed,
 * so a crash in between re-starts it, which Temporal refuses as already started.
 */
@Injectable()
export class EventTriggers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventTriggers.name);
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly workflows: WorkflowsService,
    private readonly inventory: InventoryRunService,
    private readonly consumed: RunTriggerEventRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly env: Env,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = this.pollOnce()
        .catch((err: unknown) => this.logger.warn(`event triggers: ${(err as Error).message}; retrying`))
        .finally(() => this.schedule());
    }, POLL_MS);
  }

  /** One pass over the outbox for every event-triggered active version. */
  async pollOnce(): Promise<void> {
    for (const version of await this.workflows.activeVersions()) {
      if (version.ir.trigger.kind === 'event' && !this.stopped) await this.consume(version, version.ir.trigger.event);
    }
  }

  private async consume(version: WorkflowVersion, type: 'saasUser.created' | 'saasUser.deactivated' | 'person.offboarded'): Promise<void> {
    const highest = BigInt((await this.consumed.highest(version.id)) ?? '0');
    let cursor = (highest > BigInt(RESCAN_WINDOW) ? highest - BigInt(RESCAN_WINDOW) : 0n).toString();
    for (;;) {
      const events = await this.inventory.eventsAfter({ type, appId: version.ir.population.appId, afterId: cursor, since: version.createdAt, limit: PAGE });
      const done = await this.consumed.consumed(version.id, events.map((e) => e.id));
      for (const event of events.filter((e) => !done.has(e.id))) {
        await this.start(version.id, event.id);
        await this.consumed.markConsumed(version.id, event.id);
      }
      if (events.length < PAGE) return;
      cursor = events.at(-1)!.id;
    }
  }

  private async start(versionId: string, eventId: string): Promise<void> {
    try {
      await startWorkflow(this.temporal, runGraphContract, {
        workflowId: runGraphContract.ids.eventWorkflow(versionId, eventId),
        taskQueue: this.env.TEMPORAL_TASK_QUEUE,
        input: { versionId, trigger: { kind: 'event', eventId }, mode: 'live' },
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
}
