import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LoadRun } from '../integrations/load-run.entity';

/**
 * A key value (vendor id, or the email / username used as sync key) a load run has already
 * written: its primary key makes a later record with the same value a duplicate across pages,
 * and the run's vendor ids say who is still at the vendor without rewriting unchanged rows.
 * Written in each page's transaction, deleted when the run completes.
 */
@Entity({ name: 'inventory_load_key' })
export class InventoryLoadKey {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @ManyToOne(() => LoadRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_inventory_load_key_run' })
  run?: LoadRun;

  /** `externalId`, `email` or `username` (lower-cased values for the latter two). */
  @PrimaryColumn({ type: 'text' })
  field!: string;

  @PrimaryColumn({ type: 'text' })
  value!: string;
}
