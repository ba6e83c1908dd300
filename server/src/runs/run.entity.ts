import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { RunMode, RunTrigger } from '@rolecall/workflows';
import { WorkflowVersion } from '../workflows/workflow-version.entity';
import { Workflow } from '../workflows/workflow.entity';
import type { RunStatus } from './runs.schema';

/** One execution of a launched version (`runGraph`), pinned to that version. */
@Entity({ name: 'workflow_run' })
@Index('uq_workflow_run_temporal', ['temporalWorkflowId'], { unique: true })
@Index('idx_workflow_run_workflow', ['workflowId', 'createdAt'])
@Index('idx_workflow_run_status', ['status', 'createdAt'])
@Index('idx_workflow_run_trigger', ['triggerKind', 'createdAt'])
@Index('idx_workflow_run_finished', ['finishedAt'])
export class WorkflowRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workflow_id', type: 'uuid' })
  workflowId!: string;

  @ManyToOne(() => Workflow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id', foreignKeyConstraintName: 'fk_workflow_run_workflow' })
  workflow?: Workflow;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => WorkflowVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_workflow_run_version' })
  version?: WorkflowVersion;

  /** The Temporal workflow id of the run (one row per execution chain, created idempotently). */
  @Column({ name: 'temporal_workflow_id', type: 'text' })
  temporalWorkflowId!: string;

  @Column({ type: 'text' })
  mode!: RunMode;

  @Column({ name: 'trigger_kind', type: 'text' })
  triggerKind!: RunTrigger['kind'];

  @Column({ type: 'jsonb' })
  trigger!: RunTrigger;

  @Column({ type: 'text', default: 'queued' })
  status!: RunStatus;

  @Column({ name: 'awaiting_nodes', type: 'jsonb', default: () => "'[]'" })
  awaitingNodes!: string[];

  @Column({ name: 'population_total', type: 'int', nullable: true })
  populationTotal!: number | null;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
