import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only record of who did what. Every mutating endpoint writes one once auth lands;
 * it is part of the first migration so that no later feature ships without an audit trail.
 */
@Entity({ name: 'audit_event' })
@Index('idx_audit_event_at', ['at'])
@Index('idx_audit_event_subject', ['subjectType', 'subjectId'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** User id, API token id or `system`. */
  @Column({ type: 'text' })
  actor!: string;

  /** Dotted verb, e.g. `credential.created`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'text', nullable: true })
  subjectId!: string | null;

  /** Never holds secrets: callers pass redacted details only. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;
}
