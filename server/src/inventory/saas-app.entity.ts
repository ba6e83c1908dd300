import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A SaaS application whose users are in the inventory (e.g. "Litmos", "Lever (EU team)"). */
@Entity({ name: 'saas_app' })
@Index('uq_saas_app_name', ['name'], { unique: true })
export class SaasApp {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The vendor preset that talks to this app's API. */
  @Column({ name: 'preset_id', type: 'text' })
  presetId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
