import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../audit/audit.schema';
import type { InventoryEventType } from './inventory-event.entity';

export interface NewInventoryEvent {
  type: InventoryEventType;
  appId?: string | null;
  saasUserId?: string | null;
  personId?: string | null;
  source: { kind: 'load'; integrationId: string; runId: string } | { kind: 'manual'; actor: Actor };
}

/** The SQL of the `inventory_event` outbox: appends only, always inside the change's transaction. */
@Injectable()
export class InventoryEventRepository {
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
