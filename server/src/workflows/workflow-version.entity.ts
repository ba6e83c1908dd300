import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Ir } from '@rolecall/workflows/graph';
import { Workflow } from './workflow.entity';

/** Version N of a workflow: the IR frozen at launch. Never updated; runs are pinned to one. */
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
