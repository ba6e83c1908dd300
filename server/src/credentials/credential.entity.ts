import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CredentialTestOutcome } from './credentials.schema';

/**
 * A vendor credential. Secret fields live only in `ciphertext` (AES-256-GCM, the credential id
 * and its target as associated data, `key_id` naming the master key); non-secret fields sit in `settings`.
 */
@Entity({ name: 'credential' })
@Index('idx_credential_preset_id', ['presetId'])
// Names are unique case-insensitively: a functional index TypeORM cannot describe, so the
// migration owns it and schema sync leaves it alone.
@Index('uq_credential_name_lower', { synchronize: false })
export class Credential {
  /** Set by the service before sealing, because the id is the ciphertext's associated data. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'preset_id', type: 'text' })
  presetId!: string;

  /** Region id of the preset; null = the preset's default region. */
  @Column({ type: 'text', nullable: true })
  region!: string | null;

  /** Overrides the region's base URL (simulator, self-hosted instance); the runtime's SSRF guard vets it. */
  @Column({ name: 'base_url', type: 'text', nullable: true })
  baseUrl!: string | null;

  /** Id of the preset auth kind (e.g. `api-key`). */
  @Column({ name: 'auth_kind', type: 'text' })
  authKind!: string;

  /** Id of the master key that sealed `ciphertext` (sha256(key)[0..16]). */
  @Column({ name: 'key_id', type: 'text' })
  keyId!: string;

  /** Associated-data scheme of `ciphertext` (see credential-secrets.ts): 1 = id only, 2 = id and target. */
  @Column({ name: 'aad_version', type: 'smallint' })
  aadVersion!: number;

  @Column({ type: 'bytea' })
  iv!: Buffer;

  @Column({ name: 'auth_tag', type: 'bytea' })
  authTag!: Buffer;

  /** JSON object of the secret fields, encrypted. */
  @Column({ type: 'bytea' })
  ciphertext!: Buffer;

  /** Secret field → display mask ("••••3f9a"). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  masks!: Record<string, string>;

  /** Non-secret credential fields, in clear (e.g. Litmos `source`, GitHub `org`). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings!: Record<string, string>;

  @Column({ name: 'last_tested_at', type: 'timestamptz', nullable: true })
  lastTestedAt!: Date | null;

  /** Outcome of the last `POST /api/credentials/:id/test` (never holds a secret). */
  @Column({ name: 'last_test_result', type: 'jsonb', nullable: true })
  lastTestResult!: CredentialTestOutcome | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
