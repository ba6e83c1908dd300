import { ApplicationFailure, Context } from '@temporalio/activity';
import { ErrorCode } from '@rolecall/presets';
import { USER_LOAD_RETRY, userLoadContract, type DeactivationDecision, type UserLoadInput } from '../contracts/user-load.contract';

/** The load's input minus what only the workflow needs across continue-as-new. */
export type BeginUserLoadInput = Omit<UserLoadInput, 'resume' | 'activitiesPerExecution' | 'pagesPerActivity'>;

/** A started run, or the other load of the integration that is still going (this one then does nothing). */
export type BeginUserLoadResult = { runId: string } | { runId: null; activeRunId: string };

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

export interface FinishUserLoadInput {
  runId: string;
  /** Given once an admin answered a run held in `awaiting_confirmation`. */
  decision?: DeactivationDecision;
}

/** The run completed, or it is held because it would deactivate more users than the integration allows. */
export type FinishUserLoadResult =
  | { status: 'completed'; counts: UserLoadCounts }
  | { status: 'awaiting_confirmation'; wouldDeactivate: number };

/**
 * What the user-load activities need from the server: it owns the database, the vault and the
 * mapping rules. Each method is idempotent so Temporal may retry it at any point.
 */
export interface UserLoadPort {
  begin(input: BeginUserLoadInput & { loadKey: string; workflowId: string }): Promise<BeginUserLoadResult>;
  /** `timeoutMs`: the activity's start-to-close timeout, which the pages applied must fit in. */
  loadPages(input: LoadUserPagesInput & { timeoutMs: number }): Promise<LoadUserPagesResult>;
  finish(input: FinishUserLoadInput): Promise<FinishUserLoadResult>;
  fail(input: { runId: string; message: string }): Promise<void>;
  /** Shows on the run why it is waiting (a failed attempt that will be retried). */
  recordWaiting(input: { runId: string; reason: string }): Promise<void>;
}

/** An error we raise ourselves (DomainError, PresetError): only these carry a classification. */
interface RaisedError extends Error {
  code: ErrorCode;
  retryable?: boolean;
  retryAfterMs?: number;
}

const OUR_CODES: readonly unknown[] = Object.values(ErrorCode);
/** Codes of our own errors that waiting can cure, when the error does not say itself. */
const RETRYABLE_CODES: ReadonlySet<ErrorCode> = new Set([ErrorCode.DependencyUnavailable]);

function isRaisedByUs(err: unknown): err is RaisedError {
  // By name and code, not instanceof: the server's and the presets' classes may be other module copies.
  return err instanceof Error && (err.name === 'DomainError' || err.name === 'PresetError') && OUR_CODES.includes((err as RaisedError).code);
}

/**
 * Turns errors into Temporal failures. Ours are classified by their ErrorCode (non-retryable
 * unless the error or its code says otherwise, with the vendor's Retry-After as the next delay).
 * Anything else (a driver error, a bug) is an unknown failure and retryable: a string `code` on
 * it, such as the SQLSTATE TypeORM copies onto its errors, says nothing about our vocabulary.
 */
export function toActivityFailure(err: unknown): ApplicationFailure {
  if (err instanceof ApplicationFailure) return err;
  if (isRaisedByUs(err)) {
    return ApplicationFailure.create({
      type: err.code,
      message: err.message,
      nonRetryable: !(err.retryable ?? RETRYABLE_CODES.has(err.code)),
      ...(err.retryAfterMs !== undefined ? { nextRetryDelay: err.retryAfterMs } : {}),
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  return ApplicationFailure.create({ type: ErrorCode.Internal, message, nonRetryable: false, ...(err instanceof Error ? { cause: err } : {}) });
}

/** When the next attempt of a failed one starts: the failure's own delay, else the workflow's backoff. */
export function nextRetryDelayMs(failure: ApplicationFailure, attempt: number): number {
  if (typeof failure.nextRetryDelay === 'number') return failure.nextRetryDelay;
  const backoff = USER_LOAD_RETRY.initialIntervalMs * USER_LOAD_RETRY.backoffCoefficient ** (attempt - 1);
  return Math.min(backoff, USER_LOAD_RETRY.maximumIntervalMs);
}

/** What an admin reads on a run between two attempts. */
export function waitingReason(failure: ApplicationFailure, attempt: number): string {
  const what = failure.type?.startsWith('VENDOR_') ? 'vendor' : failure.type === ErrorCode.DependencyUnavailable ? 'database' : 'load step';
  const seconds = Math.round(nextRetryDelayMs(failure, attempt) / 1000);
  return `${what} unavailable, retrying (attempt ${attempt + 1}, next in ${seconds}s): ${failure.message}`;
}

/** How often a running activity tells Temporal it is alive (see heartbeatTimeout in the workflow). */
export const HEARTBEAT_INTERVAL_MS = 2_000;

/**
 * Runs an activity body with periodic heartbeats, so a worker that dies mid-page is noticed
 * within the heartbeat timeout (not the long start-to-close timeout that rate-limit waits need),
 * and with errors classified for Temporal. With `waiting`, a retryable failure is written on the
 * run before Temporal retries, so a long outage shows as waiting, not as a silent stall.
 */
async function classified<T>(run: () => Promise<T>, waiting?: (reason: string) => Promise<void>): Promise<T> {
  const context = Context.current();
  const timer = setInterval(() => context.heartbeat(), HEARTBEAT_INTERVAL_MS);
  try {
    return await run();
  } catch (err) {
    const failure = toActivityFailure(err);
    if (waiting && !failure.nonRetryable) {
      // Best effort: when the database is what is down, the reason cannot be written either.
      await waiting(waitingReason(failure, context.info.attempt)).catch(() => undefined);
    }
    throw failure;
  } finally {
    clearInterval(timer);
  }
}

export function createUserLoadActivities(port: UserLoadPort) {
  return {
    async beginUserLoad(input: BeginUserLoadInput): Promise<BeginUserLoadResult> {
      const execution = Context.current().info.workflowExecution;
      if (!execution) throw ApplicationFailure.nonRetryable(`beginUserLoad runs only inside the ${userLoadContract.name} workflow`);
      // Begin runs in the first execution only, so its run id names the load across continue-as-new.
      const loadKey = userLoadContract.ids.load(execution.workflowId, input.runId ?? execution.runId);
      return classified(() => port.begin({ ...input, loadKey, workflowId: execution.workflowId }));
    },
    async loadUserPages(input: LoadUserPagesInput): Promise<LoadUserPagesResult> {
      const { startToCloseTimeoutMs } = Context.current().info;
      return classified(
        () => port.loadPages({ ...input, timeoutMs: startToCloseTimeoutMs }),
        (reason) => port.recordWaiting({ runId: input.runId, reason }),
      );
    },
    async finishUserLoad(input: FinishUserLoadInput): Promise<FinishUserLoadResult> {
      return classified(() => port.finish(input));
    },
    async failUserLoad(input: { runId: string; message: string }): Promise<void> {
      return classified(() => port.fail(input));
    },
  };
}
