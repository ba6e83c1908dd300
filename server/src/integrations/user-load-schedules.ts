import { Inject, Injectable } from '@nestjs/common';
import { scheduledStart, userLoadContract } from '@rolecall/workflows';
import { ScheduleNotFoundError, ScheduleOverlapPolicy, type Client, type ScheduleSpec } from '@temporalio/client';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { InstallationService } from '../installation/installation.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.constants';
import type { Integration } from './integration.entity';
import type { Schedule } from './integrations.schema';

const scheduleId = userLoadContract.ids.schedule;

function toSpec(schedule: Schedule): ScheduleSpec {
  const spec: ScheduleSpec =
    schedule.kind === 'interval'
      ? { intervals: [{ every: schedule.every as `${number}${'m' | 'h' | 'd'}` }] }
      : { cronExpressions: [schedule.cron] };
  return { ...spec, timezone: schedule.timezone };
}

/** Keeps one Temporal Schedule per launched integration in step with its settings. */
@Injectable()
export class UserLoadSchedules {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly env: Env,
    private readonly installation: InstallationService,
  ) {}

  /** Creates or updates the schedule; `paused` mirrors the integration status. */
  async upsert(integration: Integration, paused: boolean): Promise<void> {
    const action = scheduledStart(userLoadContract, {
      workflowId: userLoadContract.ids.scheduledWorkflow(integration.id),
      taskQueue: this.env.TEMPORAL_TASK_QUEUE,
      input: { integrationId: integration.id, trigger: 'schedule' },
    });
    const handle = this.temporal.schedule.getHandle(scheduleId(integration.id));
    try {
      await handle.update((previous) => ({ ...previous, spec: toSpec(integration.schedule), action, state: { ...previous.state, paused } }));
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
      await this.temporal.schedule.create({
        scheduleId: scheduleId(integration.id),
        spec: toSpec(integration.schedule),
        action,
        // A load still running when the next is due makes the next one pointless.
        policies: { overlap: ScheduleOverlapPolicy.SKIP },
        // Several installations may share a Temporal namespace; reconciling removes only its own,
        // recognised by this note (plain text: a memo is encrypted by the payload codec, and other
        // installations' memos cannot be decoded with our keys).
        state: { paused, note: `User load "${integration.name}" ${this.installationTag()}` },
      });
    }
  }

  async remove(integrationId: string): Promise<void> {
    await this.removeById(scheduleId(integrationId));
  }

  /**
   * Makes Temporal hold exactly one schedule per launched integration: creates what is missing
   * (Temporal data lost), updates the rest, and removes this installation's schedules whose
   * integration is gone or back to draft. Returns the ids of the schedules it removed.
   */
  async reconcile(integrations: readonly Integration[]): Promise<string[]> {
    const launched = integrations.filter((i) => i.status !== 'draft');
    for (const integration of launched) await this.upsert(integration, integration.status === 'paused');
    const wanted = new Set(launched.map((i) => scheduleId(i.id)));
    const ours = new Set(integrations.map((i) => scheduleId(i.id)));
    const orphans: string[] = [];
    for await (const schedule of this.listRaw()) {
      const mine = (schedule.notes ?? '').endsWith(this.installationTag()) || ours.has(schedule.scheduleId);
      if (mine && !wanted.has(schedule.scheduleId)) orphans.push(schedule.scheduleId);
    }
    for (const id of orphans) await this.removeById(id);
    return orphans;
  }

  private installationTag(): string {
    return `(installation ${this.installation.id})`;
  }

  /**
   * Every schedule of the namespace, undecoded: the SDK's list() decodes each memo with our
   * codec and fails on the first schedule another installation (other keys) wrote.
   */
  private async *listRaw(): AsyncGenerator<{ scheduleId: string; notes: string | null | undefined }> {
    let nextPageToken: Uint8Array | undefined;
    do {
      const page = await this.temporal.workflowService.listSchedules({
        namespace: this.temporal.options.namespace,
        maximumPageSize: 500,
        nextPageToken,
      });
      for (const entry of page.schedules ?? []) {
        if (entry.scheduleId) yield { scheduleId: entry.scheduleId, notes: entry.info?.notes };
      }
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken);
  }

  private async removeById(id: string): Promise<void> {
    try {
      await this.temporal.schedule.getHandle(id).delete();
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    }
  }
}
