import { CATALOG } from '@rolecall/presets/catalog';
import { mapRecord, type PresetClient, type VendorUser } from '@rolecall/presets';
import type { ApiData } from '../graph';
import type { EffectKey, EffectResult, EnginePorts } from './engine-ports';
import { stopIfCancelled, withHeartbeat } from './heartbeat';
import { activityFailure, explainVendorError, isCodedError, isRetryable } from './vendor-failure';

export interface ApplyActionInput {
  runId: string;
  nodeId: string;
  config: ApiData;
  records: { saasUserId: string; externalId: string }[];
  /** Take full vendor users from the run's snapshot (spares Litmos' GET before each PUT). */
  fromSnapshot: boolean;
}

export interface AppliedAction {
  saasUserId: string;
  outcome: 'success' | 'error';
}

type Operation = 'deactivateUser' | 'reactivateUser' | 'deleteUser';

/** Tries per record inside one activity attempt before the activity itself fails and is retried. */
const ATTEMPTS_PER_RECORD = 6;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function actionOf(config: ApiData) {
  const action = CATALOG.presets.find((p) => p.id === config.presetId)?.actions.find((a) => a.id === config.actionId);
  if (!action || action.operation === 'getUserRole') throw new Error(`${config.presetId} has no API action "${config.actionId}"`);
  return { ...action, operation: action.operation as Operation };
}

/**
 * After a crash between claim and completion nobody knows whether the vendor got the call: read
 * the user instead of repeating it. Gone (delete) or already in the target state counts as done.
 */
async function alreadyApplied(client: PresetClient, operation: Operation, externalId: string): Promise<boolean> {
  let user: VendorUser;
  try {
    user = await client.getUser(externalId);
  } catch (err) {
    if (isCodedError(err) && err.code === 'VENDOR_NOT_FOUND') return operation === 'deleteUser';
    throw err;
  }
  if (operation === 'deleteUser') return false;
  const { active } = mapRecord(user, client.preset.defaultMapping).record;
  return operation === 'deactivateUser' ? active === false : active === true;
}

/**
 * An API block for the records of one batch: for each record, ledger claim → vendor call →
 * complete (with the action's inventory effect, in the same transaction). A retried activity or a
 * restarted batch skips what the ledger has done, so no vendor call is repeated or skipped.
 * 4xx (but 429) answers become the record's `error` outcome with the vendor's status and
 * message; 429/5xx/timeouts are retried (see `settle`), finally by Temporal after the vendor's Retry-After.
 */
export function createApplyActionActivity(ports: Pick<EnginePorts, 'ledger' | 'vendors' | 'snapshots'>) {
  return async function applyAction(input: ApplyActionInput): Promise<AppliedAction[]> {
    const { runId, nodeId, config } = input;
    const action = actionOf(config);
    const { client, credentialName } = await ports.vendors.open(config.credentialId);
    const call = client[action.operation];
    if (!call) throw activityFailure({ code: 'CONFIG_INVALID', message: `${client.preset.name} cannot ${action.label}`, retryable: false });
    const known = input.fromSnapshot
      ? await ports.snapshots.find({ runId, credentialId: config.credentialId, externalIds: input.records.map((r) => r.externalId) })
      : new Map<string, VendorUser>();

    /** The vendor call behind a claim that is not done yet. */
    const perform = async (key: EffectKey, externalId: string, uncertain: boolean): Promise<EffectResult> => {
      try {
        if (uncertain && (await alreadyApplied(client, action.operation, externalId))) return { outcome: 'success', detail: { verified: true } };
        await call(externalId, known.get(externalId));
        return { outcome: 'success' };
      } catch (err) {
        if (isCodedError(err) && err.code === 'VENDOR_NOT_FOUND' && action.operation === 'deleteUser') return { outcome: 'success', detail: { alreadyGone: true } };
        if (isCodedError(err) && err.code === 'VENDOR_RATE_LIMITED') await ports.ledger.release(key);
        if (isRetryable(err)) throw err;
        return { outcome: 'error', ...explainVendorError(err, client.preset.name, credentialName) };
      }
    };

    /**
     * One record, exactly once: claim, call, complete. A throttle or a 5xx is retried here a few
     * times (a 5xx may have landed, so the retry's claim is `uncertain` and verifies first);
     * after that the activity fails and Temporal retries it after the vendor's Retry-After.
     */
    const settle = async (key: EffectKey, externalId: string): Promise<string> => {
      for (let attempt = 1; ; attempt++) {
        const claim = await ports.ledger.claim(key);
        if (claim.state === 'done') return claim.outcome;
        try {
          const result = await perform(key, externalId, claim.state === 'uncertain');
          await ports.ledger.complete(key, result, result.outcome === 'success' ? action.inventoryEffect : 'none');
          return result.outcome;
        } catch (err) {
          if (!isRetryable(err) || attempt >= ATTEMPTS_PER_RECORD) throw activityFailure(err);
          const coded = err as { retryAfterMs?: number };
          await sleep(coded.retryAfterMs ?? Math.min(500 * 2 ** (attempt - 1), 10_000));
          stopIfCancelled();
        }
      }
    };

    return withHeartbeat(async () => {
      const results: AppliedAction[] = [];
      for (const { saasUserId, externalId } of input.records) {
        stopIfCancelled();
        const outcome = await settle({ runId, nodeId, saasUserId }, externalId);
        results.push({ saasUserId, outcome: outcome === 'success' ? 'success' : 'error' });
      }
      return results;
    });
  };
}
