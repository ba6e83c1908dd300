import { ErrorCode } from '@rolecall/presets';
import type { UserLoadPort } from '@rolecall/workflows';
import { DomainError } from '../common/domain-error';
import { isTransientDatabaseError } from '../database/postgres-errors';

/** A transient database failure (deadlock, serialization failure, Postgres restarting) as our retryable error. */
function classified(err: unknown): unknown {
  if (!isTransientDatabaseError(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new DomainError(ErrorCode.DependencyUnavailable, `database unavailable (${message}); the load step is retried`);
}

/**
 * The user-load port with transient database failures recognised as such, so the activities
 * retry the step (and say the database is what they wait for); every step is idempotent, so a
 * retried page is applied and counted once.
 */
export function withDatabaseFaultsClassified(port: UserLoadPort): UserLoadPort {
  const guard =
    <A, R>(step: (input: A) => Promise<R>) =>
    async (input: A): Promise<R> => {
      try {
        return await step(input);
      } catch (err) {
        throw classified(err);
      }
    };
  return {
    begin: guard((input) => port.begin(input)),
    loadPages: guard((input) => port.loadPages(input)),
    finish: guard((input) => port.finish(input)),
    fail: guard((input) => port.fail(input)),
    recordWaiting: guard((input) => port.recordWaiting(input)),
  };
}
