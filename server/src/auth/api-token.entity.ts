import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AppUser } from './user.entity';
import type { Role } from './auth.schema';

/** An API token for automation. Only the SHA-256 of the token is stored; the token is shown once. */
@Entity({ name: 'api_token' })
@Check('CHK_api_token_role', `"role" IN ('viewer', 'editor', 'admin')`)
@Index('UQ_api_token_hash', ['tokenHash'], { unique: true })
@Index('idx_api_token_user', ['userId'])
export class ApiToken {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_api_token_user' })
  user?: AppUser;

  @Column({ type: 'text' })
  name!: string;

  /** Never above the owner's role at creation; at use the lower of this and the owner's current role applies. */
  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
