import { Inject, Injectable } from '@nestjs/common';
import type { UserLoadInput } from '@rolecall/workflows';
import { ScheduleNotFoundError, ScheduleOverlapPolicy, type Client, type ScheduleSpec } from '@temporalio/client';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { TEMPORAL_CLIENT } from '../temporal/temporal.constants';
import type { Integration } from './integration.entity';
import type { Schedule } from './integrations.schema';

const scheduleId = (integrationId: string) => `user-load-${integrationId}`;

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
  ) {}

  /** Creates or updates the schedule; `paused` mirrors the integration status. */
  async upsert(integration: Integration, paused: boolean): Promise<void> {
    const input: UserLoadInput = { integrationId: integration.id, trigger: 'schedule' };
    const action = {
      type: 'startWorkflow' as const,
      workflowType: 'userLoad',
      workflowId: `user-load-${integration.id}`,
      taskQueue: this.env.TEMPORAL_TASK_QUEUE,
      args: [input],
    };
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
        state: { paused, note: `User load "${integration.name}"` },
      });
    }
  }

  async remove(integrationId: string): Promise<void> {
    try {
      await this.temporal.schedule.getHandle(scheduleId(integrationId)).delete();
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    }
  }

  async describe(integrationId: string): Promise<{ paused: boolean; nextActionTimes: Date[] } | null> {
    try {
      const d = await this.temporal.schedule.getHandle(scheduleId(integrationId)).describe();
      return { paused: d.state.paused, nextActionTimes: d.info.nextActionTimes };
    } catch (err) {
      if (err instanceof ScheduleNotFoundError) return null;
      throw err;
    }
  }
}
