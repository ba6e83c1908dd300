import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SyncKey } from '../integrations/integration.entity';
import type { ExistingIndex, PlannedUpdate } from './page-plan';
import type { MappedRecord } from './record-mapper';

/** Who is writing: stamped on rows and events. */
export interface LoadScope {
  appId: string;
  integrationId: string;
  runId: string;
}

export interface WrittenUser {
  id: string;
  personId: string | null;
}

// jsonb_to_recordset turns one JSON parameter into a table: a whole page in one statement.
const RECORD_COLUMNS = `r(external_id text, username text, email text, first_name text, last_name text, role text,
  active boolean, last_login_at timestamptz, vendor_created_at timestamptz, custom jsonb, row_id uuid)`;

function rowsJson(records: readonly MappedRecord[], rowIds?: readonly string[]): string {
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
      custom: r.custom,
      row_id: rowIds?.[i] ?? null,
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

/** The SQL of user loads: bulk lookups and writes of one page, inside the caller's transaction. */
@Injectable()
export class UserLoadRepository {
  async findSaasUsers(m: EntityManager, appId: string, records: readonly MappedRecord[], keys: readonly SyncKey[]): Promise<ExistingIndex> {
    const index: ExistingIndex = { externalId: new Map(), email: new Map(), username: new Map() };
    const wanted = new Set(keys.map((k) => k.field));
    const values = (pick: (r: MappedRecord) => string | null) =>
      [...new Set(records.map(pick).filter((v): v is string => v !== null))];
    const ids = wanted.has('externalId') ? values((r) => r.externalId) : [];
    const emails = wanted.has('email') ? values((r) => r.email?.toLowerCase() ?? null) : [];
    const usernames = wanted.has('username') ? values((r) => r.username?.toLowerCase() ?? null) : [];
    if (ids.length + emails.length + usernames.length === 0) return index;
    const rows: { id: string; status: string; external_id: string; email: string | null; username: string | null }[] = await m.query(
      `SELECT id, status, external_id, lower(email) AS email, lower(username) AS username FROM saas_user
       WHERE app_id = $1 AND (external_id = ANY($2) OR lower(email) = ANY($3) OR lower(username) = ANY($4))`,
      [appId, ids, emails, usernames],
    );
    for (const row of rows) {
      const existing = { id: row.id, status: row.status };
      index.externalId.set(row.external_id, existing);
      if (row.email) index.email.set(row.email, existing);
      if (row.username) index.username.set(row.username, existing);
    }
    return index;
  }

  async findPeopleByEmail(m: EntityManager, emails: readonly string[]): Promise<ExistingIndex> {
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
   * Inserts new SaaS users. ON CONFLICT makes a re-applied page harmless (a retry after a crash
   * between commit and acknowledgement updates instead of duplicating).
   */
  async insertSaasUsers(m: EntityManager, scope: LoadScope, records: readonly MappedRecord[]): Promise<(WrittenUser & { inserted: boolean })[]> {
    if (records.length === 0) return [];
    const rows: { id: string; person_id: string | null; inserted: boolean }[] = await m.query(
      `INSERT INTO saas_user (app_id, external_id, username, email, first_name, last_name, role, status, deactivated_at,
         last_login_at, vendor_created_at, custom, source_integration_id, last_seen_run_id, synced_at, first_seen_at, last_seen_at)
       SELECT $1, r.external_id, r.username, r.email, r.first_name, r.last_name, r.role,
         CASE WHEN r.active IS FALSE THEN 'deactivated' ELSE 'active' END::saas_user_status,
         CASE WHEN r.active IS FALSE THEN now() END,
         r.last_login_at, r.vendor_created_at, coalesce(r.custom, '{}'), $2, $3, now(), now(), now()
       FROM jsonb_to_recordset($4::jsonb) AS ${RECORD_COLUMNS}
       ON CONFLICT (app_id, external_id) DO UPDATE SET
         username = EXCLUDED.username, email = EXCLUDED.email, first_name = EXCLUDED.first_name,
         last_name = EXCLUDED.last_name, role = EXCLUDED.role, last_login_at = EXCLUDED.last_login_at,
         vendor_created_at = EXCLUDED.vendor_created_at, custom = EXCLUDED.custom,
         last_seen_run_id = EXCLUDED.last_seen_run_id, synced_at = now(), last_seen_at = now()
       RETURNING id, person_id, (xmax = 0) AS inserted`,
      [scope.appId, scope.integrationId, scope.runId, rowsJson(records)],
    );
    return rows.map((r) => ({ id: r.id, personId: r.person_id, inserted: r.inserted }));
  }

  /**
   * Updates matched SaaS users. A record the source reports inactive deactivates an active row;
   * one reported active restores a deactivated row. Returns the status transitions made.
   */
  async updateSaasUsers(
    m: EntityManager,
    scope: LoadScope,
    updates: readonly PlannedUpdate[],
  ): Promise<{ id: string; personId: string | null; status: string; previous: string }[]> {
    if (updates.length === 0) return [];
    const rows = await updateReturning<{ id: string; person_id: string | null; status: string }>(
      m,
      `UPDATE saas_user u SET
         external_id = coalesce(r.external_id, u.external_id), username = r.username, email = r.email,
         first_name = r.first_name, last_name = r.last_name, role = r.role,
         status = CASE WHEN r.active IS NULL THEN u.status WHEN r.active THEN 'active' ELSE 'deactivated' END::saas_user_status,
         deactivated_at = CASE WHEN r.active IS NULL THEN u.deactivated_at WHEN r.active THEN NULL
                               ELSE coalesce(u.deactivated_at, now()) END,
         last_login_at = r.last_login_at, vendor_created_at = r.vendor_created_at,
         custom = u.custom || coalesce(r.custom, '{}'), source_integration_id = $1, last_seen_run_id = $2,
         synced_at = now(), last_seen_at = now()
       FROM jsonb_to_recordset($3::jsonb) AS ${RECORD_COLUMNS}
       WHERE u.id = r.row_id AND u.app_id = $4
       RETURNING u.id, u.person_id, u.status`,
      [scope.integrationId, scope.runId, rowsJson(updates.map((u) => u.record), updates.map((u) => u.rowId)), scope.appId],
    );
    const previous = new Map(updates.map((u) => [u.rowId, u.previousStatus]));
    return rows.map((r) => ({ id: r.id, personId: r.person_id, status: r.status, previous: previous.get(r.id) ?? r.status }));
  }

  /** Marks rows whose records failed validation as still present at the vendor. */
  async markSeen(m: EntityManager, scope: LoadScope, externalIds: readonly string[]): Promise<void> {
    if (externalIds.length === 0) return;
    await m.query(`UPDATE saas_user SET last_seen_run_id = $1 WHERE app_id = $2 AND external_id = ANY($3)`, [
      scope.runId,
      scope.appId,
      [...externalIds],
    ]);
  }

  async insertPeople(m: EntityManager, integrationId: string, role: string | null, records: readonly MappedRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    const rows = await m.query(
      `INSERT INTO person (email, first_name, last_name, role, custom, source_integration_id)
       SELECT r.email, r.first_name, r.last_name, $1, coalesce(r.custom, '{}'), $2
       FROM jsonb_to_recordset($3::jsonb) AS ${RECORD_COLUMNS}
       ON CONFLICT ((lower(email))) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name
       RETURNING (xmax = 0) AS inserted`,
      [role, integrationId, rowsJson(records)],
    );
    return (rows as { inserted: boolean }[]).filter((r) => r.inserted).length;
  }

  async updatePeople(m: EntityManager, updates: readonly PlannedUpdate[]): Promise<number> {
    if (updates.length === 0) return 0;
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

  /** Links SaaS users to the person with the same email (case-insensitive). */
  async linkPeople(m: EntityManager, saasUserIds: readonly string[]): Promise<void> {
    if (saasUserIds.length === 0) return;
    await m.query(
      `UPDATE saas_user u SET person_id = p.id FROM person p
       WHERE u.id = ANY($1) AND u.email IS NOT NULL AND lower(p.email) = lower(u.email) AND u.person_id IS DISTINCT FROM p.id`,
      [[...saasUserIds]],
    );
  }

  /**
   * SaaS users of this integration the run did not see are gone from the source: deactivate
   * them and emit `saasUser.deactivated`, in one statement.
   */
  async deactivateMissing(m: EntityManager, scope: LoadScope): Promise<number> {
    const rows = await m.query(
      `WITH gone AS (
         UPDATE saas_user SET status = 'deactivated', deactivated_at = now()
         WHERE app_id = $1 AND source_integration_id = $2 AND status = 'active' AND last_seen_run_id IS DISTINCT FROM $3
         RETURNING id, person_id)
       INSERT INTO inventory_event (type, app_id, saas_user_id, person_id, source)
       SELECT 'saasUser.deactivated', $1, id, person_id, $4::jsonb FROM gone RETURNING id`,
      [scope.appId, scope.integrationId, scope.runId, JSON.stringify({ kind: 'load', integrationId: scope.integrationId, runId: scope.runId, reason: 'missing from source' })],
    );
    return (rows as unknown[]).length;
  }
}
