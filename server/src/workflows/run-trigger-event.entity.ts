import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkflowVersion } from './workflow-version.entity';

/**
 * An inventory event a launched version has consumed. The primary key makes consumption
 * exactly-once per (version, event), whatever order events commit in.
 */
@Entity({ name: 'run_trigger_event' })
export class RunTriggerEvent {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => WorkflowVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_run_trigger_event_version' })
  version?: WorkflowVersion;

  @PrimaryColumn({ name: 'event_id', type: 'bigint' })
  eventId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
