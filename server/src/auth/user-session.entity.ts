import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AppUser } from './user.entity';

/**
 * A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a read of
 * this table cannot be replayed as a cookie. Deleting the row signs the browser out.
 */
@Entity({ name: 'user_session' })
@Index('idx_user_session_user', ['userId'])
export class UserSession {
  @PrimaryColumn({ name: 'token_hash', type: 'bytea' })
  tokenHash!: Buffer;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_session_user' })
  user?: AppUser;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
