import { Context } from '@temporalio/activity';

/** How often engine activities tell Temporal they are alive (heartbeatTimeout is 10 s). */
const BEAT_MS = 2_000;

/**
 * Runs a long activity body with heartbeats, so a killed worker's batch moves to another worker
 * within the heartbeat timeout and a cancelled run reaches the activity (Temporal delivers
 * cancellation through heartbeats). `details` is what a retry resumes from.
 */
export async function withHeartbeat<T>(body: (beat: (details?: unknown) => void) => Promise<T>): Promise<T> {
  const context = Context.current();
  let latest: unknown;
  const timer = setInterval(() => context.heartbeat(latest), BEAT_MS);
  try {
    return await body((details) => {
      latest = details;
    });
  } finally {
    clearInterval(timer);
  }
}

/** Throws when the run was cancelled, so no new effect starts after a cancel. */
export function stopIfCancelled(): void {
  const signal = Context.current().cancellationSignal;
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('activity cancelled');
}
