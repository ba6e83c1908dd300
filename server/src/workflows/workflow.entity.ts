import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GraphDraft } from '@rolecall/workflows/graph';
import type { WorkflowStatus } from './workflows.schema';

/** A workflow as the canvas edits it: the draft graph. What runs is a launched WorkflowVersion. */
@Entity({ name: 'workflow' })
@Index('uq_workflow_name', ['name'], { unique: true })
export class Workflow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** React Flow JSON, checked only loosely (GraphDraftSchema) so half-built graphs save. */
  @Column({ type: 'jsonb' })
  draft!: GraphDraft;

  @Column({ type: 'text', default: 'draft' })
  status!: WorkflowStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
