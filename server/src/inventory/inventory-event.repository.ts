import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../audit/audit.schema';
import { InventoryEvent, type InventoryEventType } from './inventory-event.entity';

export interface NewInventoryEvent {
  type: InventoryEventType;
  appId?: string | null;
  saasUserId?: string | null;
  personId?: string | null;
  source: { kind: 'load'; integrationId: string; runId: string } | { kind: 'manual'; actor: Actor } | { kind: 'run'; runId: string; nodeId: string };
}

/** The SQL of the `inventory_event` outbox: appends only, always inside the change's transaction. */
@Injectable()
export class InventoryEventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** How many events of a type were appended since a time. */
  async countSince(type: InventoryEventType, since: Date): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*) AS n FROM inventory_event WHERE type = $1 AND at >= $2`, [type, since])) as {
      n: string;
    }[];
    return Number(row?.n ?? 0);
  }

  /**
   * The latest events of some SaaS users and/or a person, newest first
   * (idx_inventory_event_saas_user, idx_inventory_event_person).
   */
  async latestFor(subject: { saasUserIds: readonly string[]; personId?: string }, take: number): Promise<InventoryEvent[]> {
    const qb = this.dataSource.getRepository(InventoryEvent).createQueryBuilder('e');
    qb.where(subject.saasUserIds.length > 0 ? 'e.saas_user_id IN (:...ids)' : 'false', { ids: subject.saasUserIds });
    if (subject.personId) qb.orWhere('e.person_id = :personId', { personId: subject.personId });
    return qb.orderBy('e.id', 'DESC').take(take).getMany();
  }

  /** Appends events inside the caller's transaction, so an event exists exactly when its change does. */
  async append(events: readonly NewInventoryEvent[], manager: EntityManager): Promise<void> {
    if (events.length === 0) return;
    // One statement for any number of events: a load page appends up to a thousand.
    await manager.query(
      `INSERT INTO inventory_event (type, app_id, saas_user_id, person_id, source)
       SELECT e.type, e.app_id, e.saas_user_id, e.person_id, e.source
       FROM jsonb_to_recordset($1::jsonb) AS e(type text, app_id uuid, saas_user_id uuid, person_id uuid, source jsonb)`,
      [
        JSON.stringify(
          events.map((e) => ({
            type: e.type,
            app_id: e.appId ?? null,
            saas_user_id: e.saasUserId ?? null,
            person_id: e.personId ?? null,
            source: e.source,
          })),
        ),
      ],
    );
  }
}
