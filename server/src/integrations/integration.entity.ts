import type { FieldMapping } from '@rolecall/presets';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Credential } from '../credentials/credential.entity';

export const USER_SELECTIONS = ['user', 'user_plus_saas_user'] as const;
export const LOAD_PREFERENCES = ['create_update', 'create_only', 'update_only'] as const;
export const INTEGRATION_STATUSES = ['draft', 'active', 'paused'] as const;
export type UserSelection = (typeof USER_SELECTIONS)[number];
export type LoadPreference = (typeof LOAD_PREFERENCES)[number];
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];

export interface CustomFieldDef {
  key: string;
  label: string;
  type: 'string' | 'number' | 'boolean' | 'datetime';
}
export interface SyncKey {
  field: 'externalId' | 'email' | 'username';
  priority: number;
}
export type Schedule =
  | { kind: 'interval'; every: string; timezone: string }
  | { kind: 'cron'; cron: string; timezone: string };

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
  mappings!: Record<string, FieldMapping>;

  @Column({ name: 'custom_fields', type: 'jsonb', default: () => "'[]'" })
  customFields!: CustomFieldDef[];

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
  rateLimit!: { requests: number; perMs: number } | null;

  @Column({ type: 'text', default: 'draft' })
  status!: IntegrationStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
