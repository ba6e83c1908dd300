import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Actor } from './audit.schema';

/** Append-only record of who did what. Every change is written with its audit row in one transaction. */
@Entity({ name: 'audit_event' })
@Index('idx_audit_event_at', ['at'])
@Index('idx_audit_event_subject', ['subjectType', 'subjectId'])
@Index('idx_audit_event_actor', ['actorId', 'at'])
@Index('idx_audit_event_action', ['action', 'at'])
@Index('idx_audit_event_actor_name', ['actorName', 'at'])
@Index('idx_audit_event_subject_id', ['subjectId'])
// Partial expression index for the sign-in throttle; created by its migration.
@Index('idx_audit_event_sign_in_failure', { synchronize: false })
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: Actor['kind'];

  /** User or token id; null for the system. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** Email of the user, name of the token or of the system actor, as it was at the time. */
  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

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
