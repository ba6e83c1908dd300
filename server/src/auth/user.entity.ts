import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from './auth.schema';

/** A person who signs in to Rolecall (not a SaaS user of a vendor: those live in the inventory). */
@Entity({ name: 'app_user' })
@Check('CHK_app_user_role', `"role" IN ('viewer', 'editor', 'admin')`)
@Index('UQ_app_user_email', ['email'], { unique: true })
export class AppUser {
  @PrimaryColumn('uuid')
  id!: string;

  /** Stored lower-cased, so sign-in is case-insensitive. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: Role;

  /** argon2id, PHC string (parameters and salt inside). */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** Consecutive failed sign-ins; reset by a successful one or a password reset. */
  @Column({ name: 'failed_sign_ins', type: 'int', default: 0 })
  failedSignIns!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
