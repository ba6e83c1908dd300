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

/** Whether run $3 saw the vendor id of the `saas_user` row in question (see inventory_load_key). */
const SEEN_BY_RUN = `SELECT 1 FROM inventory_load_key k WHERE k.run_id = $3 AND k.field = 'externalId' AND k.value = saas_user.external_id`;

/**
 * The run filled the key table since autovacuum last looked: without fresh statistics the planner
 * takes it for empty and nests loops over every key (minutes at 100k users).
 */
async function analyzeLoadKeys(m: EntityManager): Promise<void> {
  await m.query(`ANALYZE inventory_load_key`);
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
      const rows: { id: string; status: string; external_id: string; value: string }[] = await m.query(
        `SELECT id, status, external_id, ${lookup.key} AS value FROM saas_user WHERE app_id = $1 AND ${lookup.where}`,
        [appId, values],
      );
      for (const row of rows) index[field].set(row.value, { id: row.id, status: row.status, externalId: row.external_id });
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
   * CONFLICT makes an existing row with the same vendor id harmless: it is updated only when the
   * vendor's data differs (an unchanged row is neither rewritten nor returned) and gets no event.
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
         last_login_at, vendor_created_at, custom, source_integration_id, synced_at, first_seen_at, last_seen_at, person_id)
       SELECT $1, r.external_id, r.username, r.email, r.first_name, r.last_name, r.role,
         CASE WHEN r.active IS FALSE THEN 'deactivated' ELSE 'active' END::saas_user_status,
         CASE WHEN r.active IS FALSE THEN coalesce(r.deactivated_at, now()) END,
         r.last_login_at, r.vendor_created_at, coalesce(r.custom, '{}'), $2, now(), now(), now(), r.person_id
       FROM jsonb_to_recordset($3::jsonb) AS ${RECORD_COLUMNS}
       ORDER BY r.external_id -- one lock order for every writer: concurrent writes cannot deadlock
       ON CONFLICT (app_id, external_id) DO UPDATE SET
         username = EXCLUDED.username, email = EXCLUDED.email, first_name = EXCLUDED.first_name,
         last_name = EXCLUDED.last_name, role = EXCLUDED.role, last_login_at = EXCLUDED.last_login_at,
         vendor_created_at = EXCLUDED.vendor_created_at, custom = EXCLUDED.custom,
         source_integration_id = EXCLUDED.source_integration_id, synced_at = now(), last_seen_at = now(),
         person_id = coalesce(EXCLUDED.person_id, saas_user.person_id)
       WHERE (saas_user.username, saas_user.email, saas_user.first_name, saas_user.last_name, saas_user.role,
              saas_user.last_login_at, saas_user.vendor_created_at, saas_user.custom, saas_user.source_integration_id, saas_user.person_id)
         IS DISTINCT FROM (EXCLUDED.username, EXCLUDED.email, EXCLUDED.first_name, EXCLUDED.last_name, EXCLUDED.role,
              EXCLUDED.last_login_at, EXCLUDED.vendor_created_at, EXCLUDED.custom, EXCLUDED.source_integration_id,
              coalesce(EXCLUDED.person_id, saas_user.person_id))
       RETURNING id, person_id, (xmax = 0) AS inserted),
       created AS (
         INSERT INTO inventory_event (type, app_id, saas_user_id, person_id, source)
         SELECT 'saasUser.created', $1, id, person_id, $4::jsonb FROM written WHERE inserted)
       SELECT * FROM written`,
      [scope.appId, scope.integrationId, rowsJson(records, undefined, people), JSON.stringify(loadSource(scope))],
    );
    return rows.map((r) => ({ id: r.id, personId: r.person_id, inserted: r.inserted }));
  }

  /**
   * Updates matched SaaS users whose vendor data differs from the row; an unchanged row is
   * neither rewritten nor returned. The vendor id is never written: a row keeps the vendor
   * identity it was created with. A record the source reports inactive deactivates an active
   * row and one reported active restores a deactivated row, unless an admin's manual status is
   * pending: then the row keeps the intended status, and the vendor reporting that same status
   * confirms (clears) the intent. Returns the rows written, with their status transitions.
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
      `WITH vendor AS (
         SELECT r.*, CASE WHEN r.active THEN 'active' WHEN NOT r.active THEN 'deactivated' END::saas_user_status AS reported
         FROM jsonb_to_recordset($2::jsonb) AS ${RECORD_COLUMNS}),
       next AS (
         SELECT u.id, v.username, v.email, v.first_name, v.last_name, v.role, v.last_login_at, v.vendor_created_at,
           u.custom || coalesce(v.custom, '{}') AS custom, coalesce(v.person_id, u.person_id) AS person_id,
           CASE WHEN u.manual_status IS NOT NULL OR v.reported IS NULL THEN u.status ELSE v.reported END AS status,
           CASE WHEN u.manual_status IS NOT NULL OR v.reported IS NULL THEN u.deactivated_at WHEN v.reported = 'active' THEN NULL
                ELSE coalesce(v.deactivated_at, u.deactivated_at, now()) END AS deactivated_at,
           CASE WHEN u.manual_status = v.reported THEN NULL ELSE u.manual_status END AS manual_status,
           CASE WHEN u.manual_status = v.reported THEN NULL ELSE u.manual_at END AS manual_at,
           CASE WHEN u.manual_status = v.reported THEN NULL ELSE u.manual_by END AS manual_by
         FROM vendor v JOIN saas_user u ON u.id = v.row_id AND u.app_id = $3)
       UPDATE saas_user u SET
         username = n.username, email = n.email, first_name = n.first_name, last_name = n.last_name, role = n.role,
         status = n.status, deactivated_at = n.deactivated_at, last_login_at = n.last_login_at,
         vendor_created_at = n.vendor_created_at, custom = n.custom, person_id = n.person_id,
         manual_status = n.manual_status, manual_at = n.manual_at, manual_by = n.manual_by,
         source_integration_id = $1, synced_at = now(), last_seen_at = now()
       FROM next n
       WHERE u.id = n.id
         AND (u.username, u.email, u.first_name, u.last_name, u.role, u.status, u.deactivated_at, u.last_login_at,
              u.vendor_created_at, u.custom, u.person_id, u.manual_status, u.source_integration_id)
         IS DISTINCT FROM (n.username, n.email, n.first_name, n.last_name, n.role, n.status, n.deactivated_at, n.last_login_at,
              n.vendor_created_at, n.custom, n.person_id, n.manual_status, $1::uuid)
       RETURNING u.id, u.person_id, u.status`,
      [scope.integrationId, rowsJson(updates.map((u) => u.record), updates.map((u) => u.rowId), people), scope.appId],
    );
    const previous = new Map(updates.map((u) => [u.rowId, u.previousStatus]));
    return rows.map((r) => ({ id: r.id, personId: r.person_id, status: r.status, previous: previous.get(r.id) ?? r.status }));
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

  /** Updates matched People whose data differs; returns how many were written (the rest were unchanged). */
  async updatePeople(updates: readonly PlannedUpdate[], m: EntityManager): Promise<number> {
    if (updates.length === 0) return 0;
    await m.query(`SELECT 1 FROM person WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [updates.map((u) => u.rowId)]);
    const rows = await updateReturning(
      m,
      `UPDATE person p SET first_name = coalesce(r.first_name, p.first_name), last_name = coalesce(r.last_name, p.last_name),
         custom = p.custom || coalesce(r.custom, '{}'), updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS ${RECORD_COLUMNS}
       WHERE p.id = r.row_id
         AND (p.first_name, p.last_name, p.custom) IS DISTINCT FROM
             (coalesce(r.first_name, p.first_name), coalesce(r.last_name, p.last_name), p.custom || coalesce(r.custom, '{}'))
       RETURNING p.id`,
      [rowsJson(updates.map((u) => u.record), updates.map((u) => u.rowId))],
    );
    return rows.length;
  }

  /**
   * The People behind a page of SaaS users, matched by email: created (with the integration's
   * role) and/or updated as the preference allows; a Person whose names are unchanged is not
   * rewritten. Returns their ids by email.
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
    const changed = `(person.first_name, person.last_name) IS DISTINCT FROM
      (coalesce(EXCLUDED.first_name, person.first_name), coalesce(EXCLUDED.last_name, person.last_name))`;
    let written: { id: string; email: string }[];
    if (preference === 'update_only') {
      await m.query(`SELECT 1 FROM person WHERE lower(email) = ANY($1) ORDER BY id FOR UPDATE`, [[...byEmail.keys()]]);
      written = await updateReturning(
        m,
        `UPDATE person p SET first_name = coalesce(r.first_name, p.first_name), last_name = coalesce(r.last_name, p.last_name),
           updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS ${RECORD_COLUMNS}
         WHERE lower(p.email) = lower(r.email)
           AND (p.first_name, p.last_name) IS DISTINCT FROM (coalesce(r.first_name, p.first_name), coalesce(r.last_name, p.last_name))
         RETURNING p.id, lower(p.email) AS email`,
        [json],
      );
    } else {
      written = await m.query(
        `INSERT INTO person (email, first_name, last_name, role, source_integration_id)
         SELECT lower(r.email), r.first_name, r.last_name, $1, $2 FROM jsonb_to_recordset($3::jsonb) AS ${RECORD_COLUMNS}
         ORDER BY lower(r.email) -- one lock order for every writer: concurrent loads cannot deadlock
         ON CONFLICT ((lower(email))) ${
           preference === 'create_only'
             ? 'DO NOTHING'
             : `DO UPDATE SET first_name = coalesce(EXCLUDED.first_name, person.first_name),
                  last_name = coalesce(EXCLUDED.last_name, person.last_name), updated_at = now() WHERE ${changed}`
         }
         RETURNING id, lower(email) AS email`,
        [role, integrationId, json],
      );
    }
    const ids = new Map(written.map((r) => [r.email, r.id]));
    // Rows left as they were are not returned by the write: read their ids.
    const rest = [...byEmail.keys()].filter((email) => !ids.has(email));
    if (rest.length > 0) {
      const rows: { id: string; email: string }[] = await m.query(`SELECT id, lower(email) AS email FROM person WHERE lower(email) = ANY($1)`, [rest]);
      for (const row of rows) ids.set(row.email, row.id);
    }
    return ids;
  }

  /**
   * SaaS users of this integration whose vendor id the run did not see are gone from the source:
   * deactivate them and emit `saasUser.deactivated`, in one statement. A pending manual status
   * wins over absence, except that a user an admin deactivated and the vendor no longer lists
   * confirms the intent (it is cleared). Returns how many were deactivated.
   */
  async deactivateMissing(scope: LoadScope, m: EntityManager): Promise<number> {
    await analyzeLoadKeys(m);
    const unseen = `app_id = $1 AND source_integration_id = $2 AND NOT EXISTS (${SEEN_BY_RUN})`;
    await m.query(
      `UPDATE saas_user SET manual_status = NULL, manual_at = NULL, manual_by = NULL
       WHERE id IN (SELECT id FROM saas_user WHERE ${unseen} AND manual_status = 'deactivated' ORDER BY id FOR UPDATE)`,
      [scope.appId, scope.integrationId, scope.runId],
    );
    const rows = await m.query(
      `WITH missing AS (
         SELECT id FROM saas_user WHERE ${unseen} AND status = 'active' AND manual_status IS NULL
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
    await analyzeLoadKeys(m);
    const [row]: { missing: number; active: number }[] = await m.query(
      `SELECT count(*) FILTER (WHERE manual_status IS NULL AND NOT EXISTS (${SEEN_BY_RUN}))::int AS missing, count(*)::int AS active
       FROM saas_user WHERE app_id = $1 AND source_integration_id = $2 AND status = 'active'`,
      [scope.appId, scope.integrationId, scope.runId],
    );
    return row!;
  }
}
