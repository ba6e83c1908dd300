import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const INVENTORY_EVENT_TYPES = [
  'saasUser.created',
  'saasUser.deactivated',
  'saasUser.reactivated',
  'person.offboarded',
] as const;
export type InventoryEventType = (typeof INVENTORY_EVENT_TYPES)[number];

/**
 * Outbox of inventory changes. Loads and manual edits append here in the same transaction as
 * the change; event-triggered workflows consume it in id order.
 */
@Entity({ name: 'inventory_event' })
@Index('idx_inventory_event_type_id', ['type', 'id'])
@Index('idx_inventory_event_saas_user', ['saasUserId', 'id'])
@Index('idx_inventory_event_person', ['personId', 'id'])
export class InventoryEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  type!: InventoryEventType;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'app_id', type: 'uuid', nullable: true })
  appId!: string | null;

  @Column({ name: 'saas_user_id', type: 'uuid', nullable: true })
  saasUserId!: string | null;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  /** `load` (with the run id) or `manual`. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  source!: Record<string, unknown>;
}
