import { Context } from '@temporalio/activity';
import type { RunSnapshots, VendorClients } from './engine-ports';
import { stopIfCancelled, withHeartbeat } from './heartbeat';
import { activityFailure } from './vendor-failure';

export interface TakeSnapshotInput {
  runId: string;
  credentialId: string;
}

interface SnapshotProgress {
  cursor?: string;
  users: number;
  pages: number;
  done: boolean;
}

/**
 * Lists the vendor account once for the run (O(N / page size) requests) into run_snapshot, so
 * Role Retrieval and full-object writes (Litmos' PUT) read users from Postgres instead of one GET
 * each. A retry resumes after the last stored page (heartbeat details), so a kill costs one page.
 */
export function createTakeSnapshotActivity(deps: { vendors: VendorClients; snapshots: RunSnapshots }) {
  return async function takeSnapshot({ runId, credentialId }: TakeSnapshotInput): Promise<{ users: number; pages: number }> {
    const resumed = Context.current().info.heartbeatDetails as SnapshotProgress | undefined;
    let progress: SnapshotProgress = resumed ?? { users: 0, pages: 0, done: false };
    if (progress.done) return { users: progress.users, pages: progress.pages };
    const { client } = await deps.vendors.open(credentialId);
    const idField = client.preset.userIdField;
    return withHeartbeat(async (beat) => {
      while (!progress.done) {
        stopIfCancelled();
        const page = await client.listUsersPage(progress.cursor).catch((err: unknown) => {
          throw activityFailure(err);
        });
        await deps.snapshots.store({ runId, credentialId, users: page.users.map((user) => ({ externalId: String(user[idField]), user })) });
        progress = {
          ...(page.nextCursor !== undefined ? { cursor: page.nextCursor } : {}),
          users: progress.users + page.users.length,
          pages: progress.pages + 1,
          done: page.nextCursor === undefined,
        };
        beat(progress);
      }
      return { users: progress.users, pages: progress.pages };
    });
  };
}
