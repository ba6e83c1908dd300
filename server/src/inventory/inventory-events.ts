import type { EntityManager } from 'typeorm';
import { InventoryEvent, type InventoryEventType } from './inventory-event.entity';

export interface NewInventoryEvent {
  type: InventoryEventType;
  appId?: string | null;
  saasUserId?: string | null;
  personId?: string | null;
  source: { kind: 'load'; integrationId: string; runId: string } | { kind: 'manual'; actor: string };
}

/** Appends events inside the caller's transaction, so an event exists exactly when its change does. */
export async function appendInventoryEvents(manager: EntityManager, events: NewInventoryEvent[]): Promise<void> {
  if (events.length === 0) return;
  await manager.insert(
    InventoryEvent,
    events.map((e) => ({
      type: e.type,
      appId: e.appId ?? null,
      saasUserId: e.saasUserId ?? null,
      personId: e.personId ?? null,
      source: e.source,
    })),
  );
}
