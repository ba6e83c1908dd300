import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { WorkflowRun } from './run.entity';

/**
 * What one node decided for one record of a run, and the effects ledger of effect nodes: an API
 * effect is `claimed` before the vendor call and `done` after it, under this unique key, so no
 * retry or restart repeats or skips it. `held`: waiting at a destructive node (dry run: would be hit).
 * No foreign key to saas_user: an effect may remove the SaaS user, its record stays.
 */
@Entity({ name: 'run_record' })
@Index('idx_run_record_outcome', ['runId', 'nodeId', 'state', 'outcome'])
@Index('idx_run_record_user', ['runId', 'saasUserId'])
export class RunRecord {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @ManyToOne(() => WorkflowRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_run_record_run' })
  run?: WorkflowRun;

  @PrimaryColumn({ name: 'node_id', type: 'text' })
  nodeId!: string;

  @PrimaryColumn({ name: 'saas_user_id', type: 'uuid' })
  saasUserId!: string;

  @Column({ type: 'text' })
  block!: string;

  @Column({ type: 'text' })
  state!: 'held' | 'claimed' | 'done';

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  /** Copied from the SaaS user when the row is written, so removed users stay identifiable. */
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'vendor_status', type: 'int', nullable: true })
  vendorStatus!: number | null;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  detail!: Record<string, unknown> | null;

  /** Claims of this effect; more than one means a retry resolved an uncertain attempt. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
