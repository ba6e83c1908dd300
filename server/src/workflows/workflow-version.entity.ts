import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { GraphDraft, Ir } from '@rolecall/workflows/graph';
import { Workflow } from './workflow.entity';

/**
 * Version N of a workflow: the IR frozen at launch. Never updated; runs are pinned to one.
 *
 * A dry run of the draft freezes the draft the same way, as a *draft snapshot* numbered 0, -1,
 * -2 … (`number < 1`): it has its IR and graph for its run, but is never listed, launched, run
 * live or started by a trigger. Launched versions count 1, 2, 3 … without gaps.
 */
@Entity({ name: 'workflow_version' })
@Index('uq_workflow_version_number', ['workflowId', 'number'], { unique: true })
export class WorkflowVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workflow_id', type: 'uuid' })
  workflowId!: string;

  @ManyToOne(() => Workflow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id', foreignKeyConstraintName: 'fk_workflow_version_workflow' })
  workflow?: Workflow;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'jsonb' })
  ir!: Ir;

  /** The canvas graph the IR was compiled from; null for versions launched before it was kept. */
  @Column({ type: 'jsonb', nullable: true })
  graph!: GraphDraft | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The number of the first launched version; draft snapshots count down from below it. */
export const FIRST_LAUNCHED_NUMBER = 1;

/** Whether a version number is a launched version's rather than a draft snapshot's. */
export const isLaunchedNumber = (number: number): boolean => number >= FIRST_LAUNCHED_NUMBER;
