import type { LoadPreference, SyncKey } from '../integrations/integrations.schema';
import type { MappedRecord } from './record-mapper';

/** An inventory row a sync key matched. */
export interface ExistingRow {
  id: string;
  status: string;
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
 * priority order and the first key with a value that matches an existing row wins. Pure, so the
 * preference and priority rules are tested without a database.
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

    const match = present.map((field) => existing[field].get(keyValue(record, field)!)).find(Boolean);
    if (match) {
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
