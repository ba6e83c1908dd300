import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkflowRun } from './run.entity';

/** The run's one listing of a vendor account (per credential): full vendor users by external id. Deleted when the run ends. */
@Entity({ name: 'run_snapshot' })
export class RunSnapshot {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @ManyToOne(() => WorkflowRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_run_snapshot_run' })
  run?: WorkflowRun;

  @PrimaryColumn({ name: 'credential_id', type: 'uuid' })
  credentialId!: string;

  @PrimaryColumn({ name: 'external_id', type: 'text' })
  externalId!: string;

  // json, not jsonb: jsonb reorders keys, and Litmos' PUT of the full user is order-sensitive.
  @Column({ name: 'vendor_user', type: 'json' })
  vendorUser!: Record<string, unknown>;
}
