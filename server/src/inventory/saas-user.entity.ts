import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from './person.entity';
import { SaasApp } from './saas-app.entity';
import { SaasUserStatusSchema, type SaasUserStatus } from './inventory.schema';

/**
 * One account in one SaaS app, as last loaded from the vendor. Search (`q`), status, role and
 * last-login filters all have indexes (some are expression indexes declared in the migration).
 */
@Entity({ name: 'saas_user' })
@Index('uq_saas_user_app_external', ['appId', 'externalId'], { unique: true })
@Index('idx_saas_user_app_status', ['appId', 'status'])
@Index('idx_saas_user_role', ['role'])
@Index('idx_saas_user_last_login', ['lastLoginAt'])
@Index('idx_saas_user_person', ['personId'])
// Expression indexes (case-insensitive email/username lookups, trigram search); defined in the migration.
@Index('idx_saas_user_email_lower', { synchronize: false })
@Index('idx_saas_user_username_lower', { synchronize: false })
@Index('idx_saas_user_search', { synchronize: false })
export class SaasUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'app_id', type: 'uuid' })
  appId!: string;

  @ManyToOne(() => SaasApp, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'app_id', foreignKeyConstraintName: 'fk_saas_user_app' })
  app?: SaasApp;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_saas_user_person' })
  person?: Person | null;

  /** The vendor's own id of the user. */
  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ type: 'text', nullable: true })
  username!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'first_name', type: 'text', nullable: true })
  firstName!: string | null;

  @Column({ name: 'last_name', type: 'text', nullable: true })
  lastName!: string | null;

  @Column({ type: 'text', nullable: true })
  role!: string | null;

  @Column({ type: 'enum', enum: SaasUserStatusSchema.options, enumName: 'saas_user_status', default: 'active' })
  status!: SaasUserStatus;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  /** When the vendor says the account was created. */
  @Column({ name: 'vendor_created_at', type: 'timestamptz', nullable: true })
  vendorCreatedAt!: Date | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  custom!: Record<string, unknown>;

  @Column({ name: 'source_integration_id', type: 'uuid', nullable: true })
  sourceIntegrationId!: string | null;

  /**
   * A status an admin set by hand that the vendor has not confirmed yet: loads leave `status` as
   * intended until a load sees the vendor report the same status (or an admin drops the intent).
   */
  @Column({ name: 'manual_status', type: 'enum', enum: SaasUserStatusSchema.options, enumName: 'saas_user_status', nullable: true })
  manualStatus!: SaasUserStatus | null;

  @Column({ name: 'manual_at', type: 'timestamptz', nullable: true })
  manualAt!: Date | null;

  @Column({ name: 'manual_by', type: 'text', nullable: true })
  manualBy!: string | null;

  /** Connector sync time: when a load last changed this record (an unchanged record is not rewritten). */
  @Column({ name: 'synced_at', type: 'timestamptz', nullable: true })
  syncedAt!: Date | null;

  @Column({ name: 'first_seen_at', type: 'timestamptz', default: () => 'now()' })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;
}
