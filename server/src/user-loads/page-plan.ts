import type { MappedRecord } from '@rolecall/presets';
import type { LoadPreference, SyncKey } from '../integrations/integrations.schema';

/** An inventory row a sync key matched; SaaS users carry their vendor id (People have none). */
export interface ExistingRow {
  id: string;
  status: string;
  externalId?: string;
}

/** Existing rows by sync key field, keyed by the (normalised) key value. */
export type ExistingIndex = Record<SyncKey['field'], Map<string, ExistingRow>>;

export interface PlannedUpdate {
  rowId: string;
  previousStatus: string;
  record: MappedRecord;
}

export interface PagePlan {
  creates: MappedRecord[];
  updates: PlannedUpdate[];
  skips: { record: MappedRecord; reason: string }[];
}

/** Key values compare case-insensitively for email and username, exactly for ids. */
export function keyValue(record: MappedRecord, field: SyncKey['field']): string | null {
  const value = record[field];
  if (value === null) return null;
  return field === 'externalId' ? value : value.toLowerCase();
}

/**
 * Decides, for each valid record of a page, create / update / skip: sync keys are tried in
 * priority order and the first key with a value that matches an existing row wins. A match whose
 * vendor id differs from the record's is skipped: updating it would hand one vendor user's row to
 * another. Pure, so the preference and priority rules are tested without a database.
 */
export function planPage(
  records: readonly MappedRecord[],
  syncKeys: readonly SyncKey[],
  preference: LoadPreference,
  existing: ExistingIndex,
): PagePlan {
  const keys = [...syncKeys].sort((a, b) => a.priority - b.priority).map((k) => k.field);
  const plan: PagePlan = { creates: [], updates: [], skips: [] };
  const seen = new Set<string>();
  for (const record of records) {
    const present = keys.filter((field) => keyValue(record, field) !== null);
    if (present.length === 0) {
      plan.skips.push({ record, reason: `missing sync key value (${keys.join(', ')})` });
      continue;
    }
    const duplicate = present.find((field) => seen.has(`${field}:${keyValue(record, field)}`));
    if (duplicate) {
      plan.skips.push({ record, reason: `duplicate in source: another record has the same ${duplicate}` });
      continue;
    }
    for (const field of present) seen.add(`${field}:${keyValue(record, field)}`);

    const matchedBy = present.find((field) => existing[field].has(keyValue(record, field)!));
    const match = matchedBy && existing[matchedBy].get(keyValue(record, matchedBy)!);
    if (match && match.externalId !== undefined && record.externalId !== null && match.externalId !== record.externalId) {
      plan.skips.push({
        record,
        reason: `${matchedBy} matches the SaaS user of vendor id ${match.externalId}, not ${record.externalId}: a load never changes a user's vendor id`,
      });
    } else if (match) {
      if (preference === 'create_only') plan.skips.push({ record, reason: 'create only: a matching record already exists' });
      else plan.updates.push({ rowId: match.id, previousStatus: match.status, record });
    } else if (preference === 'update_only') {
      plan.skips.push({ record, reason: 'update only: no matching record' });
    } else {
      plan.creates.push(record);
    }
  }
  return plan;
}
