import { Inject, Injectable } from '@nestjs/common';
import { runGraphContract, scheduledStart } from '@rolecall/workflows';
import type { Trigger } from '@rolecall/workflows/graph';
import { ScheduleNotFoundError, ScheduleOverlapPolicy, type Client, type ScheduleSpec } from '@temporalio/client';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { TEMPORAL_CLIENT } from '../temporal/temporal.constants';

type ScheduleTrigger = Extract<Trigger, { kind: 'schedule' }>;
type Every = `${number}${'m' | 'h' | 'd'}`;

function toSpec(trigger: ScheduleTrigger): ScheduleSpec {
  const spec: ScheduleSpec =
    trigger.schedule.kind === 'interval' ? { intervals: [{ every: trigger.schedule.every as Every }] } : { cronExpressions: [trigger.schedule.cron] };
  return { ...spec, timezone: trigger.timeZone };
}

/**
 * One Temporal Schedule per workflow with a scheduled Begin, starting runs of the version it was
 * last launched as. Overlap: skip (a run still going makes the next pointless); missed runs start
 * late only within the Begin's catch-up window.
 */
@Injectable()
export class WorkflowSchedules {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly env: Env,
  ) {}

  async upsert(workflow: { id: string; name: string }, versionId: string, trigger: ScheduleTrigger, paused: boolean): Promise<void> {
    const action = scheduledStart(runGraphContract, {
      workflowId: runGraphContract.ids.scheduledWorkflow(workflow.id),
      taskQueue: this.env.TEMPORAL_TASK_QUEUE,
      input: { versionId, trigger: { kind: 'schedule' }, mode: 'live' },
    });
    const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: trigger.catchupWindow as Every };
    const scheduleId = runGraphContract.ids.schedule(workflow.id);
    try {
      await this.temporal.schedule
        .getHandle(scheduleId)
        .update((previous) => ({ ...previous, spec: toSpec(trigger), action, policies: { ...previous.policies, ...policies }, state: { ...previous.state, paused } }));
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
      await this.temporal.schedule.create({ scheduleId, spec: toSpec(trigger), action, policies, state: { paused, note: `Workflow "${workflow.name}"` } });
    }
  }

  async setPaused(workflowId: string, paused: boolean): Promise<void> {
    try {
      const handle = this.temporal.schedule.getHandle(runGraphContract.ids.schedule(workflowId));
      await (paused ? handle.pause('workflow paused') : handle.unpause('workflow resumed'));
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    }
  }

  /**
   * The schedule's next start, or null when it has none (no schedule, paused). Gives up after
   * `timeoutMs` with `known: false`, so a slow or absent Temporal cannot hold up the workflow list.
   */
  async nextRun(workflowId: string, timeoutMs: number): Promise<{ known: boolean; at: Date | null }> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<{ known: false; at: null }>((resolve) => {
      timer = setTimeout(() => resolve({ known: false, at: null }), timeoutMs);
    });
    const described = this.temporal.schedule
      .getHandle(runGraphContract.ids.schedule(workflowId))
      .describe()
      .then((d) => ({ known: true, at: d.state.paused ? null : (d.info.nextActionTimes[0] ?? null) }))
      .catch((err: unknown) => (err instanceof ScheduleNotFoundError ? { known: true, at: null } : { known: false, at: null }));
    try {
      return await Promise.race([described, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  async remove(workflowId: string): Promise<void> {
    try {
      await this.temporal.schedule.getHandle(runGraphContract.ids.schedule(workflowId)).delete();
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    }
  }
}
