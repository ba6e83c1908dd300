import { Injectable } from '@nestjs/common';
import type { MappedRecord } from '@rolecall/presets';
import type { EntityManager } from 'typeorm';
import type { LoadPreference, SyncKey } from '../integrations/integrations.schema';
import type { ExistingIndex, PlannedUpdate } from '../user-loads/page-plan';
import { loadSource, type LoadScope } from './load-scope';

export interface WrittenUser {
  id: string;
  personId: string | null;
}

// jsonb_to_recordset turns one JSON parameter into a table: a whole page in one statement.
const RECORD_COLUMNS = `r(external_id text, username text, email text, first_name text, last_name text, role text,
  active boolean, last_login_at timestamptz, vendor_created_at timestamptz, deactivated_at timestamptz, custom jsonb, row_id uuid, person_id uuid)`;

/** Person ids by lower-cased email. */
export type PersonIds = ReadonlyMap<string, string>;

function rowsJson(records: readonly MappedRecord[], rowIds?: readonly string[], people?: PersonIds): string {
  return JSON.stringify(
    records.map((r, i) => ({
      external_id: r.externalId,
      username: r.username,
      email: r.email,
      first_name: r.firstName,
      last_name: r.lastName,
      role: r.role,
      active: r.active,
      last_login_at: r.lastLoginAt,
      vendor_created_at: r.createdAt,
      deactivated_at: r.deactivatedAt,
      custom: r.custom,
      row_id: rowIds?.[i] ?? null,
      person_id: (r.email && people?.get(r.email.toLowerCase())) ?? null,
    })),
  );
}

/**
 * Runs an UPDATE … RETURNING. TypeORM's postgres driver answers UPDATE and DELETE with
 * `[rows, affectedCount]` (SELECT and INSERT with the rows alone), hence the unwrapping.
 */
async function updateReturning<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await m.query(sql, params)) as [T[], number];
  return rows;
}

/**
 * Locks SaaS user rows in id order before an UPDATE … FROM, which takes its locks in whatever
 * order the join yields: with one order for every writer, two transactions cannot deadlock.
 */
async function lockSaasUsers(m: EntityManager, ids: readonly string[]): Promise<void> {
  await m.query(`SELECT 1 FROM saas_user WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [[...ids]]);
}

/**
 * The bulk SQL of `person` and `saas_user` (and the events written with them) for user loads:
 * lookups and writes of one page, inside the caller's transaction.
 */
@Injectable()
export class InventoryBulkWriteRepository {
  async findSaasUsers(appId: string, records: readonly MappedRecord[], keys: readonly SyncKey[], m: EntityManager): Promise<ExistingIndex> {
    const index: ExistingIndex = { externalId: new Map(), email: new Map(), username: new Map() };
    // One indexed lookup per sync key: an OR across the keys would defeat the indexes and scan the app.
    const lookups = {
      externalId: { values: records.map((r) => r.externalId), where: 'external_id = ANY($2)', key: 'external_id' },
      email: { values: records.map((r) => r.email?.toLowerCase() ?? null), where: 'lower(email) = ANY($2)', key: 'lower(email)' },
      username: { values: records.map((r) => r.username?.toLowerCase() ?? null), where: 'lower(username) = ANY($2)', key: 'lower(username)' },
    } as const;
    for (const field of new Set(keys.map((k) => k.field))) {
      const lookup = lookups[field];
      const values = [...new Set(lookup.values.filter((v): v is string => v !== null))];
      if (values.length === 0) continue;
      const rows: { id: string; status: string; value: string }[] = await m.query(
        `SELECT id, status, ${lookup.key} AS value FROM saas_user WHERE app_id = $1 AND ${lookup.where}`,
        [appId, values],
      );
      for (const row of rows) index[field].set(row.value, { id: row.id, status: row.status });
    }
    return index;
  }

  async findPeopleByEmail(emails: readonly string[], m: EntityManager): Promise<ExistingIndex> {
    const index: ExistingIndex = { externalId: new Map(), email: new Map(), username: new Map() };
    if (emails.length === 0) return index;
    const rows: { id: string; status: string; email: string }[] = await m.query(
      `SELECT id, status, lower(email) AS email FROM person WHERE lower(email) = ANY($1)`,
      [[...new Set(emails)]],
    );
    for (const row of rows) index.email.set(row.email, { id: row.id, status: row.status });
    return index;
  }

  /**
   * Inserts new SaaS users and, in the same statement, their `saasUser.created` events. ON
   * CONFLICT makes a re-applied page harmless: an existing row is updated and gets no event.
   */
  async insertSaasUsers(
    scope: LoadScope,
    records: readonly MappedRecord[],
    people: PersonIds,
    m: EntityManager,
  ): Promise<(WrittenUser & { inserted: boolean })[]> {
    if (records.length === 0) return [];
    const rows: { id: string; person_id: string | null; inserted: boolean }[] = await m.query(
      `WITH written AS (
       INSERT INTO saas_user (app_id, external_id, username, email, first_name, last_name, role, status, deactivated_at,
         last_login_at, vendor_created_at, custom, source_integration_id, last_seen_run_id, synced_at, first_seen_at, last_seen_at, person_id)
       SELECT $1, r.external_id, r.username, r.email, r.first_name, r.last_name, r.role,
         CASE WHEN r.active IS FALSE THEN 'deactivated' ELSE 'active' END::saas_user_status,
         CASE WHEN r.active IS FALSE THEN coalesce(r.deactivated_at, now()) END,
         r.last_login_at, r.vendor_created_at, coalesce(r.custom, '{}'), $2, $3, now(), now(), now(), r.person_id
       FROM jsonb_to_recordset($4::jsonb) AS ${RECORD_COLUMNS}
       ORDER BY r.external_id -- one lock order for every writer: concurrent writes cannot deadlock
       ON CONFLICT (app_id, external_id) DO UPDATE SET
         username = EXCLUDED.username, email = EXCLUDED.email, first_name = EXCLUDED.first_name,
         last_name = EXCLUDED.last_name, role = EXCLUDED.role, last_login_at = EXCLUDED.last_login_at,
         vendor_created_at = EXCLUDED.vendor_created_at, custom = EXCLUDED.custom,
         last_seen_run_id = EXCLUDED.last_seen_run_id, synced_at = now(), last_seen_at = now(),
         person_id = coalesce(EXCLUDED.person_id, saas_user.person_id)
       RETURNING id, person_id, (xmax = 0) AS inserted),
       created AS (
         INSERT INTO inventory_event (type, app_id, saas_user_id, person_id, source)
         SELECT 'saasUser.created', $1, id, person_id, $5::jsonb FROM written WHERE inserted)
       SELECT * FROM written`,
      [scope.appId, scope.integrationId, scope.runId, rowsJson(records, undefined, people), JSON.stringify(loadSource(scope))],
    );
    return rows.map((r) => ({ id: r.id, personId: r.person_id, inserted: r.inserted }));
  }

  /**
   * Updates matched SaaS users. A record the source reports inactive deactivates an active row;
   * one reported active restores a deactivated row. Returns the status transitions made.
   */
  async updateSaasUsers(
    scope: LoadScope,
    updates: readonly PlannedUpdate[],
    people: PersonIds,
    m: EntityManager,
  ): Promise<{ id: string; personId: string | null; status: string; previous: string }[]> {
    if (updates.length === 0) return [];
    await lockSaasUsers(m, updates.map((u) => u.rowId));
    const rows = await updateReturning<{ id: string; person_id: string | null; status: string }>(
      m,
      `UPDATE saas_user u SET
         external_id = coalesce(r.external_id, u.external_id), username = r.username, email = r.email,
         first_name = r.first_name, last_name = r.last_name, role = r.role,
         status = CASE WHEN r.active IS NULL THEN u.status WHEN r.active THEN 'active' ELSE 'deactivated' END::saas_user_status,
         deactivated_at = CASE WHEN r.active IS NULL THEN u.deactivated_at WHEN r.active THEN NULL
                               ELSE coalesce(r.deactivated_at, u.deactivated_at, now()) END,
         last_login_at = r.last_login_at, vendor_created_at = r.vendor_created_at,
         custom = u.custom || coalesce(r.custom, '{}'), source_integration_id = $1, last_seen_run_id = $2,
         synced_at = now(), last_seen_at = now(), person_id = coalesce(r.person_id, u.person_id)
       FROM jsonb_to_recordset($3::jsonb) AS ${RECORD_COLUMNS}
       WHERE u.id = r.row_id AND u.app_id = $4
       RETURNING u.id, u.person_id, u.status`,
      [scope.integrationId, scope.runId, rowsJson(updates.map((u) => u.record), updates.map((u) => u.rowId), people), scope.appId],
    );
    const previous = new Map(updates.map((u) => [u.rowId, u.previousStatus]));
    return rows.map((r) => ({ id: r.id, personId: r.person_id, status: r.status, previous: previous.get(r.id) ?? r.status }));
  }

  /** Marks rows whose records failed validation as still present at the vendor. */
  async markSeen(scope: LoadScope, externalIds: readonly string[], m: EntityManager): Promise<void> {
    if (externalIds.length === 0) return;
    await m.query(`SELECT 1 FROM saas_user WHERE app_id = $1 AND external_id = ANY($2) ORDER BY id FOR UPDATE`, [scope.appId, [...externalIds]]);
    await m.query(`UPDATE saas_user SET last_seen_run_id = $1 WHERE app_id = $2 AND external_id = ANY($3)`, [
      scope.runId,
      scope.appId,
      [...externalIds],
    ]);
  }

  async insertPeople(integrationId: string, role: string | null, records: readonly MappedRecord[], m: EntityManager): Promise<number> {
    if (records.length === 0) return 0;
    const rows = await m.query(
      `INSERT INTO person (email, first_name, last_name, role, custom, source_integration_id)
       SELECT r.email, r.first_name, r.last_name, $1, coalesce(r.custom, '{}'), $2
       FROM jsonb_to_recordset($3::jsonb) AS ${RECORD_COLUMNS}
       ORDER BY lower(r.email)
       ON CONFLICT ((lower(email))) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name
       RETURNING (xmax = 0) AS inserted`,
      [role, integrationId, rowsJson(records)],
    );
    return (rows as { inserted: boolean }[]).filter((r) => r.inserted).length;
  }

  async updatePeople(updates: readonly PlannedUpdate[], m: EntityManager): Promise<number> {
    if (updates.length === 0) return 0;
    await m.query(`SELECT 1 FROM person WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [updates.map((u) => u.rowId)]);
    const rows = await updateReturning(
      m,
      `UPDATE person p SET first_name = coalesce(r.first_name, p.first_name), last_name = coalesce(r.last_name, p.last_name),
         custom = p.custom || coalesce(r.custom, '{}'), updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS ${RECORD_COLUMNS}
       WHERE p.id = r.row_id RETURNING p.id`,
      [rowsJson(updates.map((u) => u.record), updates.map((u) => u.rowId))],
    );
    return rows.length;
  }

  /**
   * The People behind a page of SaaS users, matched by email: created (with the integration's
   * role) and/or updated as the preference allows, in one statement. Returns their ids by email.
   */
  async upsertPeopleFor(
    integrationId: string,
    role: string | null,
    preference: LoadPreference,
    records: readonly MappedRecord[],
    m: EntityManager,
  ): Promise<PersonIds> {
    const byEmail = new Map<string, MappedRecord>();
    for (const r of records) if (r.email) byEmail.set(r.email.toLowerCase(), r);
    if (byEmail.size === 0) return new Map();
    const json = rowsJson([...byEmail.values()]);
    const emails = [...byEmail.keys()];
    if (preference === 'create_update') {
      // DO UPDATE returns every row, new or existing: the ids come back with the write.
      const rows: { id: string; email: string }[] = await m.query(
        `INSERT INTO person (email, first_name, last_name, role, source_integration_id)
         SELECT lower(r.email), r.first_name, r.last_name, $1, $2 FROM jsonb_to_recordset($3::jsonb) AS ${RECORD_COLUMNS}
         ORDER BY lower(r.email) -- one lock order for every writer: concurrent loads cannot deadlock
         ON CONFLICT ((lower(email))) DO UPDATE SET first_name = coalesce(EXCLUDED.first_name, person.first_name),
           last_name = coalesce(EXCLUDED.last_name, person.last_name), updated_at = now()
         RETURNING id, lower(email) AS email`,
        [role, integrationId, json],
      );
      return new Map(rows.map((r) => [r.email, r.id]));
    }
    if (preference === 'create_only') {
      await m.query(
        `INSERT INTO person (email, first_name, last_name, role, source_integration_id)
         SELECT lower(r.email), r.first_name, r.last_name, $1, $2 FROM jsonb_to_recordset($3::jsonb) AS ${RECORD_COLUMNS}
         ORDER BY lower(r.email)
         ON CONFLICT ((lower(email))) DO NOTHING`,
        [role, integrationId, json],
      );
    } else {
      await m.query(`SELECT 1 FROM person WHERE lower(email) = ANY($1) ORDER BY id FOR UPDATE`, [emails]);
      await m.query(
        `UPDATE person p SET first_name = coalesce(r.first_name, p.first_name), last_name = coalesce(r.last_name, p.last_name),
           updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS ${RECORD_COLUMNS} WHERE lower(p.email) = lower(r.email)`,
        [json],
      );
    }
    const rows: { id: string; email: string }[] = await m.query(
      `SELECT id, lower(email) AS email FROM person WHERE lower(email) = ANY($1)`,
      [emails],
    );
    return new Map(rows.map((r) => [r.email, r.id]));
  }

  /**
   * SaaS users of this integration the run did not see are gone from the source: deactivate
   * them and emit `saasUser.deactivated`, in one statement.
   */
  async deactivateMissing(scope: LoadScope, m: EntityManager): Promise<number> {
    const rows = await m.query(
      `WITH missing AS (
         SELECT id FROM saas_user
         WHERE app_id = $1 AND source_integration_id = $2 AND status = 'active' AND last_seen_run_id IS DISTINCT FROM $3
         ORDER BY id FOR UPDATE),
       gone AS (
         UPDATE saas_user SET status = 'deactivated', deactivated_at = now() WHERE id IN (SELECT id FROM missing)
         RETURNING id, person_id)
       INSERT INTO inventory_event (type, app_id, saas_user_id, person_id, source)
       SELECT 'saasUser.deactivated', $1, id, person_id, $4::jsonb FROM gone RETURNING id`,
      [scope.appId, scope.integrationId, scope.runId, JSON.stringify({ ...loadSource(scope), reason: 'missing from source' })],
    );
    return (rows as unknown[]).length;
  }

  /** How many of the integration's active SaaS users the run did not see, out of how many. */
  async countMissing(scope: LoadScope, m: EntityManager): Promise<{ missing: number; active: number }> {
    const [row]: { missing: number; active: number }[] = await m.query(
      `SELECT count(*) FILTER (WHERE last_seen_run_id IS DISTINCT FROM $3)::int AS missing, count(*)::int AS active
       FROM saas_user WHERE app_id = $1 AND source_integration_id = $2 AND status = 'active'`,
      [scope.appId, scope.integrationId, scope.runId],
    );
    return row!;
  }
}
