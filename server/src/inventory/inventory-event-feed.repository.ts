import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { InventoryEventType } from './inventory-event.entity';

/** An outbox event as event-triggered workflows read it. */
export interface FeedEvent {
  id: string;
  type: InventoryEventType;
  appId: string | null;
  saasUserId: string | null;
  personId: string | null;
}

/** Reads of the `inventory_event` outbox for event-triggered workflows (the writes are InventoryEventRepository's). */
@Injectable()
export class InventoryEventFeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Events of `type` with id above `afterId`, appended at or after `since`, in id order. For a
   * person event only people who own a SaaS user of `appId` count; for the others, only `appId`'s events.
   */
  async after(input: { type: InventoryEventType; appId: string; afterId: string; since: Date; limit: number }): Promise<FeedEvent[]> {
    const rows = (await this.dataSource.query(
      `SELECT e.id::text AS id, e.type, e.app_id, e.saas_user_id, e.person_id FROM inventory_event e
       WHERE e.type = $1 AND e.id > $2::bigint AND e.at >= $3
         AND (CASE WHEN e.person_id IS NOT NULL AND e.saas_user_id IS NULL
                THEN EXISTS (SELECT 1 FROM saas_user u WHERE u.person_id = e.person_id AND u.app_id = $4)
                ELSE e.app_id = $4 END)
       ORDER BY e.id LIMIT $5`,
      [input.type, input.afterId, input.since, input.appId, input.limit],
    )) as { id: string; type: InventoryEventType; app_id: string | null; saas_user_id: string | null; person_id: string | null }[];
    return rows.map((r) => ({ id: r.id, type: r.type, appId: r.app_id, saasUserId: r.saas_user_id, personId: r.person_id }));
  }

  async find(id: string): Promise<FeedEvent | null> {
    const [r] = (await this.dataSource.query(`SELECT id::text AS id, type, app_id, saas_user_id, person_id FROM inventory_event WHERE id = $1::bigint`, [id])) as {
      id: string;
      type: InventoryEventType;
      app_id: string | null;
      saas_user_id: string | null;
      person_id: string | null;
    }[];
    return r ? { id: r.id, type: r.type, appId: r.app_id, saasUserId: r.saas_user_id, personId: r.person_id } : null;
  }

  /** The highest event id so far (0 when the outbox is empty). */
  async lastId(): Promise<string> {
    const [r] = (await this.dataSource.query(`SELECT coalesce(max(id), 0)::text AS id FROM inventory_event`)) as { id: string }[];
    return r?.id ?? '0';
  }
}
