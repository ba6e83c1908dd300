import { ApplicationFailure, Context } from '@temporalio/activity';
import { userLoadContract, type UserLoadInput } from '../contracts/user-load.contract';

/** The load's input minus what only the workflow needs across continue-as-new. */
export type BeginUserLoadInput = Omit<UserLoadInput, 'resume'>;

export interface LoadUserPagesInput {
  runId: string;
  /** Pages to apply in this activity at most (each in its own transaction). */
  maxPages: number;
}

export interface LoadUserPagesResult {
  /** The vendor listing is exhausted. */
  done: boolean;
  /** Pages of the run applied so far (durable progress, read back from the database). */
  pagesDone: number;
}

export interface UserLoadCounts {
  fetched: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  deactivated: number;
}

/**
 * What the user-load activities need from the server: it owns the database, the vault and the
 * mapping rules. Each method is idempotent so Temporal may retry it at any point.
 */
export interface UserLoadPort {
  begin(input: BeginUserLoadInput & { loadKey: string; workflowId: string }): Promise<{ runId: string }>;
  loadPages(input: LoadUserPagesInput): Promise<LoadUserPagesResult>;
  finish(input: { runId: string }): Promise<UserLoadCounts>;
  fail(input: { runId: string; message: string }): Promise<void>;
}

interface CodedError {
  code: string;
  message: string;
  retryable?: boolean;
  retryAfterMs?: number;
}

function isCoded(err: unknown): err is CodedError {
  return typeof err === 'object' && err !== null && typeof (err as CodedError).code === 'string';
}

/**
 * Turns domain and vendor errors into Temporal failures classified by code (never by class):
 * non-retryable unless the error says otherwise, with the vendor's Retry-After as the next delay.
 */
export function toActivityFailure(err: unknown): unknown {
  if (!isCoded(err) || err instanceof ApplicationFailure) return err;
  return ApplicationFailure.create({
    type: err.code,
    message: err.message,
    nonRetryable: err.retryable !== true,
    ...(err.retryAfterMs !== undefined ? { nextRetryDelay: err.retryAfterMs } : {}),
  });
}

/** How often a running activity tells Temporal it is alive (see heartbeatTimeout in the workflow). */
export const HEARTBEAT_INTERVAL_MS = 2_000;

/**
 * Runs an activity body with periodic heartbeats, so a worker that dies mid-page is noticed
 * within the heartbeat timeout (not the long start-to-close timeout that rate-limit waits need),
 * and with errors classified for Temporal.
 */
async function classified<T>(run: () => Promise<T>): Promise<T> {
  const context = Context.current();
  const timer = setInterval(() => context.heartbeat(), HEARTBEAT_INTERVAL_MS);
  try {
    return await run();
  } catch (err) {
    throw toActivityFailure(err);
  } finally {
    clearInterval(timer);
  }
}

export function createUserLoadActivities(port: UserLoadPort) {
  return {
    async beginUserLoad(input: BeginUserLoadInput): Promise<{ runId: string }> {
      const execution = Context.current().info.workflowExecution;
      if (!execution) throw ApplicationFailure.nonRetryable(`beginUserLoad runs only inside the ${userLoadContract.name} workflow`);
      // Begin runs in the first execution only, so its run id names the load across continue-as-new.
      const loadKey = userLoadContract.ids.load(execution.workflowId, input.runId ?? execution.runId);
      return classified(() => port.begin({ ...input, loadKey, workflowId: execution.workflowId }));
    },
    async loadUserPages(input: LoadUserPagesInput): Promise<LoadUserPagesResult> {
      return classified(() => port.loadPages(input));
    },
    async finishUserLoad(input: { runId: string }): Promise<UserLoadCounts> {
      return classified(() => port.finish(input));
    },
    async failUserLoad(input: { runId: string; message: string }): Promise<void> {
      return classified(() => port.fail(input));
    },
  };
}
