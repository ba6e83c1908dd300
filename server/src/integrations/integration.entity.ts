import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Credential } from '../credentials/credential.entity';
import type {
  CustomField,
  IntegrationRateLimit,
  IntegrationStatus,
  LoadPreference,
  Mappings,
  Schedule,
  SyncKey,
  UserSelection,
} from './integrations.schema';

/** A user load: one preset + credential feeding the inventory on a schedule (a "user integration"). */
@Entity({ name: 'integration' })
@Index('uq_integration_name', ['name'], { unique: true })
export class Integration {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'preset_id', type: 'text' })
  presetId!: string;

  @Column({ name: 'credential_id', type: 'uuid', nullable: true })
  credentialId!: string | null;

  // A credential in use cannot be deleted (the API answers 409) — loads would fail later otherwise.
  @ManyToOne(() => Credential, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'credential_id', foreignKeyConstraintName: 'fk_integration_credential' })
  credential?: Credential | null;

  /** Inventory app the users land in (default: the preset's name). */
  @Column({ name: 'app_name', type: 'text' })
  appName!: string;

  @Column({ name: 'user_selection', type: 'text', default: 'user_plus_saas_user' })
  userSelection!: UserSelection;

  @Column({ type: 'text', default: 'create_update' })
  preference!: LoadPreference;

  /** Inventory field (or `custom.<key>`) → where it comes from in the vendor user. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  mappings!: Mappings;

  @Column({ name: 'custom_fields', type: 'jsonb', default: () => "'[]'" })
  customFields!: CustomField[];

  @Column({ name: 'sync_keys', type: 'jsonb', default: () => "'[]'" })
  syncKeys!: SyncKey[];

  /** Role given to People this integration creates. */
  @Column({ name: 'person_role', type: 'text', nullable: true })
  personRole!: string | null;

  @Column({ type: 'jsonb' })
  schedule!: Schedule;

  /**
   * The vendor account's request budget when it differs from the preset's published limit
   * (a negotiated quota, a self-hosted SCIM server); null = the preset's limit.
   */
  @Column({ name: 'rate_limit', type: 'jsonb', nullable: true })
  rateLimit!: IntegrationRateLimit | null;

  /** Share (%) of the app's users a run may deactivate without an admin's confirmation. */
  @Column({ name: 'deactivation_limit_percent', type: 'int', default: 10 })
  deactivationLimitPercent!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: IntegrationStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
