import type { RoleRetrievalData } from '../graph';
import type { EnginePorts, OutcomeRow } from './engine-ports';
import { stopIfCancelled, withHeartbeat } from './heartbeat';
import { activityFailure, explainVendorError, isCodedError, isRetryable } from './vendor-failure';

export interface RetrieveRolesInput {
  runId: string;
  nodeId: string;
  config: RoleRetrievalData;
  /** `role`: what the inventory holds now, so an unchanged role costs no write. */
  records: { saasUserId: string; externalId: string; role: string | null }[];
  /** Read from the run's snapshot (large runs) instead of one GET per user (small or event runs). */
  fromSnapshot: boolean;
  /** Dry run: read, but write nothing to the inventory. */
  dryRun: boolean;
}

export interface RetrievedRole {
  saasUserId: string;
  outcome: 'found' | 'notFound' | 'error';
  role: string | null;
}

/**
 * SaaS User Role Retrieval for the records of one batch at one node. Found users get their role
 * stored on the SaaS user; with `deactivateIfNotFound`, users the vendor no longer has are marked
 * deactivated in the inventory (never at the vendor). Outcomes are stored before returning, and
 * on a retryable failure the ones already read are stored before the retry, so nothing is read twice.
 */
export function createRetrieveRolesActivity(ports: Pick<EnginePorts, 'runs' | 'vendors' | 'snapshots' | 'inventory'>) {
  return async function retrieveRoles(input: RetrieveRolesInput): Promise<RetrievedRole[]> {
    const { runId, nodeId, config } = input;
    const { client, credentialName } = await ports.vendors.open(config.credentialId);
    const snapshot = input.fromSnapshot
      ? await ports.snapshots.find({ runId, credentialId: config.credentialId, externalIds: input.records.map((r) => r.externalId) })
      : undefined;
    const results: RetrievedRole[] = [];
    const rows: OutcomeRow[] = [];
    const store = (saasUserId: string, outcome: RetrievedRole['outcome'], role: string | null, extra: Partial<OutcomeRow> = {}) => {
      results.push({ saasUserId, outcome, role });
      rows.push({ nodeId, block: 'roleRetrieval', saasUserId, state: 'done', outcome, detail: { role }, ...extra });
    };
    return withHeartbeat(async () => {
      try {
        for (const { saasUserId, externalId, role: stored } of input.records) {
          stopIfCancelled();
          let user;
          try {
            user = snapshot ? snapshot.get(externalId) : await client.getUser(externalId);
          } catch (err) {
            if (isRetryable(err)) throw err;
            if (!(isCodedError(err) && err.code === 'VENDOR_NOT_FOUND')) {
              store(saasUserId, 'error', null, explainVendorError(err, client.preset.name, credentialName));
              continue;
            }
          }
          if (!user) {
            if (config.deactivateIfNotFound && !input.dryRun) await ports.inventory.markMissing(saasUserId, { runId, nodeId });
            store(saasUserId, 'notFound', null, { message: `${client.preset.name} no longer has this user` });
            continue;
          }
          const role = await client.getUserRole(user);
          if (!input.dryRun && role !== stored) await ports.inventory.setRole(saasUserId, role);
          store(saasUserId, 'found', role);
        }
      } catch (err) {
        await ports.runs.record(runId, rows);
        throw activityFailure(err);
      }
      await ports.runs.record(runId, rows);
      return results;
    });
  };
}
