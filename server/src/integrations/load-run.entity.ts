import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Integration } from './integration.entity';
import type { LoadRunStatus, LoadRunTrigger, LoadSettings } from './integrations.schema';

/** The statuses of a run that still holds its integration (the predicate of a partial unique index). */
export const ACTIVE_RUN_CONDITION = "status IN ('queued', 'running', 'awaiting_confirmation')";

/**
 * One execution of a user load. `pagesDone`/`nextCursor` are its durable progress: a page is
 * applied and counted in the same transaction that advances them, so a retried page is never
 * counted twice. The table keeps its first name: "run" alone means a workflow run.
 */
@Entity({ name: 'integration_run' })
@Index('idx_integration_run_integration', ['integrationId', 'startedAt'])
@Index('uq_integration_run_load_key', ['loadKey'], { unique: true })
// One load per integration at a time: two overlapping runs would each deactivate what only the other saw.
@Index('uq_integration_run_active', ['integrationId'], { unique: true, where: ACTIVE_RUN_CONDITION })
export class LoadRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'integration_id', type: 'uuid' })
  integrationId!: string;

  @ManyToOne(() => Integration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'integration_id', foreignKeyConstraintName: 'fk_integration_run_integration' })
  integration?: Integration;

  /** Inventory app the run writes to (resolved from the integration's app name when it starts). */
  @Column({ name: 'app_id', type: 'uuid', nullable: true })
  appId!: string | null;

  /** Identifies the Temporal execution that owns the run (idempotent creation by schedules). */
  @Column({ name: 'load_key', type: 'text' })
  loadKey!: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ type: 'text' })
  trigger!: LoadRunTrigger;

  @Column({ type: 'text', default: 'queued' })
  status!: LoadRunStatus;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'pages_done', type: 'int', default: 0 })
  pagesDone!: number;

  @Column({ name: 'next_cursor', type: 'text', nullable: true })
  nextCursor!: string | null;

  @Column({ type: 'int', default: 0 })
  fetched!: number;

  @Column({ type: 'int', default: 0 })
  created!: number;

  @Column({ type: 'int', default: 0 })
  updated!: number;

  /** Matched records whose data the inventory already held: counted, not rewritten. */
  @Column({ type: 'int', default: 0 })
  unchanged!: number;

  @Column({ type: 'int', default: 0 })
  skipped!: number;

  @Column({ type: 'int', default: 0 })
  failed!: number;

  /** SaaS users marked deactivated because they vanished from the source or are inactive there. */
  @Column({ type: 'int', default: 0 })
  deactivated!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** Why a finished run is `completed_with_warnings` (e.g. most records were skipped). */
  @Column({ type: 'text', nullable: true })
  warning!: string | null;

  /** The integration's settings as the run began; the run reads only these (null until it began). */
  @Column({ type: 'jsonb', nullable: true })
  settings!: LoadSettings | null;

  /** Why the run is waiting (a failed attempt Temporal retries); cleared by the next applied page. */
  @Column({ name: 'waiting_reason', type: 'text', nullable: true })
  waitingReason!: string | null;

  /** Users the run would deactivate when it was held for confirmation; kept as the record of what was decided. */
  @Column({ name: 'would_deactivate', type: 'int', nullable: true })
  wouldDeactivate!: number | null;
}
