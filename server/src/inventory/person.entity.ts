import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SaasUser } from './saas-user.entity';
import { PersonStatusSchema, type PersonStatus } from './inventory.schema';

/** A human in the organisation; may own SaaS users in many apps. */
@Entity({ name: 'person' })
@Index('idx_person_status', ['status'])
// Case-insensitive unique email and trigram search; expression indexes defined in the migration.
@Index('uq_person_email_lower', { synchronize: false })
@Index('idx_person_search', { synchronize: false })
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Unique case-insensitively (expression index in the migration). */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'first_name', type: 'text', nullable: true })
  firstName!: string | null;

  @Column({ name: 'last_name', type: 'text', nullable: true })
  lastName!: string | null;

  /** Rolecall role given to the person (set by the integration that created them). */
  @Column({ type: 'text', nullable: true })
  role!: string | null;

  @Column({ type: 'enum', enum: PersonStatusSchema.options, enumName: 'person_status', default: 'active' })
  status!: PersonStatus;

  @Column({ name: 'offboarded_at', type: 'timestamptz', nullable: true })
  offboardedAt!: Date | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  custom!: Record<string, unknown>;

  @Column({ name: 'source_integration_id', type: 'uuid', nullable: true })
  sourceIntegrationId!: string | null;

  // Resolved by entity name so the two entity files need not import each other at runtime.
  @OneToMany('SaasUser', 'person')
  saasUsers?: SaasUser[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
