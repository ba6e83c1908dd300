import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LoadRunErrorOutcome } from './integrations.schema';
import { LoadRun } from './load-run.entity';

/** A record a load skipped or failed, with the reason an admin can act on. */
@Entity({ name: 'integration_run_error' })
@Index('idx_integration_run_error_run', ['runId', 'id'])
export class LoadRunError {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @ManyToOne(() => LoadRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_integration_run_error_run' })
  run?: LoadRun;

  @Column({ name: 'page_index', type: 'int' })
  pageIndex!: number;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ type: 'text' })
  outcome!: LoadRunErrorOutcome;

  @Column({ type: 'text' })
  reason!: string;

  /** The mapped record (inventory fields only — raw vendor payloads can hold login keys). */
  @Column({ type: 'jsonb', nullable: true })
  record!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
