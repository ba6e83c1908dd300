import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { VaultService } from '../vault/vault.service';
import { CredentialRepository } from './credential.repository';
import { openSecrets, REPAIR_HINT } from './credential-secrets';
import type { Credential } from './credential.entity';

/**
 * Checks at boot that the vault keys open every stored secret, so a lost or swapped key file
 * shows as one clear health problem instead of a failure per request. Afterwards only the
 * credentials found unreadable are checked again (on each health probe), so a repair made by
 * any server process — PATCHed secrets, a restored key file — clears the report.
 */
@Injectable()
export class VaultCheckService implements OnApplicationBootstrap {
  private readonly logger = new Logger(VaultCheckService.name);
  private unreadable = new Map<string, string>();

  constructor(
    private readonly credentials: CredentialRepository,
    private readonly vault: VaultService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unreadable = this.check(await this.credentials.list({}));
    const problem = this.describe();
    if (problem) this.logger.error(`vault: ${problem}`);
  }

  /** The credentials the keys cannot open and what to do; undefined while every secret opens. */
  async problem(): Promise<string | undefined> {
    await this.recheck();
    return this.describe();
  }

  /** The same check as `problem()`, told without credential names or ids (for anonymous callers). */
  async summary(): Promise<string | undefined> {
    await this.recheck();
    const n = this.unreadable.size;
    if (n === 0) return undefined;
    return `${n} stored credential${n === 1 ? '' : 's'} cannot be decrypted with the vault keys; sign in to see which and how to repair ${n === 1 ? 'it' : 'them'}.`;
  }

  /** Opens again only the credentials found unreadable, so a repair anywhere clears them. */
  private async recheck(): Promise<void> {
    if (this.unreadable.size === 0) return;
    const rows = await Promise.all([...this.unreadable.keys()].map((id) => this.credentials.findById(id)));
    this.unreadable = this.check(rows.filter((r): r is Credential => r !== null));
  }

  private check(rows: readonly Credential[]): Map<string, string> {
    const failed = new Map<string, string>();
    for (const row of rows) {
      try {
        openSecrets(this.vault, row);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        failed.set(row.id, row.name);
      }
    }
    return failed;
  }

  private describe(): string | undefined {
    if (this.unreadable.size === 0) return undefined;
    const names = [...this.unreadable].map(([id, name]) => `"${name}" (${id})`);
    const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
    return `${names.length} credential${names.length === 1 ? '' : 's'} cannot be decrypted with the vault keys (${this.vault.describe()}): ${shown}. To repair: ${REPAIR_HINT}.`;
  }
}
