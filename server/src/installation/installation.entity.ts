import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one row naming this installation. Its id is also written to `<data dir>/installation-id`,
 * so the data dir (vault key file, Temporal data) and the database it belongs to are tied together.
 */
@Entity({ name: 'installation' })
@Check('CHK_installation_singleton', '"singleton"')
export class Installation {
  /** Always true: the primary key that keeps the table at one row, whoever inserts first. */
  @PrimaryColumn({ type: 'boolean', default: true, primaryKeyConstraintName: 'PK_installation' })
  singleton!: boolean;

  @Column({ type: 'uuid' })
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
