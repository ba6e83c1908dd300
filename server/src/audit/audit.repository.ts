import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import type { AuditEventView, AuditFilter, AuditQuery } from './audit.schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STREAM_BATCH = 1_000;

const view = (e: AuditEvent): AuditEventView => ({
  id: e.id,
  at: e.at.toISOString(),
  actorKind: e.actorKind,
  actorId: e.actorId,
  actorName: e.actorName,
  action: e.action,
  subjectType: e.subjectType,
  subjectId: e.subjectId,
  details: e.details,
});

/** The SQL of `audit_event`: append-only, read newest first. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    event: Pick<AuditEvent, 'actorKind' | 'actorId' | 'actorName' | 'action' | 'subjectType' | 'subjectId' | 'details'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.save(AuditEvent, manager.create(AuditEvent, event), { reload: false });
  }

  async page(query: AuditQuery): Promise<{ items: AuditEventView[]; total: number }> {
    const [rows, total] = await this.filtered(query)
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(view), total };
  }

  /**
   * How many `action` rows whose `details[key]` is `value` were written since `since`, and the
   * oldest one's time. Served by a partial index per counted action (see its migration).
   */
  async countRecent(action: string, key: string, value: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS count, min(at) AS oldest FROM audit_event WHERE action = $1 AND details ->> $2 = $3 AND at > $4`,
      [action, key, value, since],
    )) as { count: number; oldest: Date | null }[];
    return row ?? { count: 0, oldest: null };
  }

  /** Every matching row, newest first, in keyset-paged batches (for the CSV export). */
  async *stream(filter: AuditFilter): AsyncGenerator<AuditEventView[]> {
    let after: { at: Date; id: string } | undefined;
    for (;;) {
      const q = this.filtered(filter).orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC').take(STREAM_BATCH);
      if (after) q.andWhere('(e.at, e.id) < (:afterAt, :afterId)', { afterAt: after.at, afterId: after.id });
      const rows = await q.getMany();
      if (rows.length > 0) yield rows.map(view);
      if (rows.length < STREAM_BATCH) return;
      const last = rows[rows.length - 1]!;
      after = { at: last.at, id: last.id };
    }
  }

  private filtered(filter: AuditFilter): SelectQueryBuilder<AuditEvent> {
    const q = this.dataSource.manager.createQueryBuilder(AuditEvent, 'e');
    if (filter.actor) {
      if (UUID.test(filter.actor)) q.andWhere('e.actor_id = :actor', { actor: filter.actor });
      else q.andWhere('e.actor_name = :actor', { actor: filter.actor });
    }
    if (filter.action) {
      if (filter.action.endsWith('.')) q.andWhere('e.action LIKE :prefix', { prefix: `${filter.action.replace(/[%_\\]/g, '\\$&')}%` });
      else q.andWhere('e.action = :action', { action: filter.action });
    }
    if (filter.target) {
      const [type, id] = filter.target.includes(':') ? filter.target.split(':', 2) : [undefined, filter.target];
      if (type) q.andWhere('e.subject_type = :type', { type });
      q.andWhere('e.subject_id = :id', { id });
    }
    if (filter.from) q.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('e.at < :to', { to: filter.to });
    return q;
  }
}
