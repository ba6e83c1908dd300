import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A SaaS application whose users are in the inventory (e.g. "Litmos", "Lever (EU team)"), keyed by
 * preset, tenant (the credential that reads it) and name: two accounts of one vendor never share users.
 */
@Entity({ name: 'saas_app' })
@Index('uq_saas_app_tenant', ['presetId', 'credentialId', 'name'], { unique: true })
export class SaasApp {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The vendor preset that talks to this app's API. */
  @Column({ name: 'preset_id', type: 'text' })
  presetId!: string;

  /** The tenant: the credential whose vendor account the users come from (null for apps made before tenants). */
  @Column({ name: 'credential_id', type: 'uuid', nullable: true })
  credentialId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
