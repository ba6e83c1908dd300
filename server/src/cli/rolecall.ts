#!/usr/bin/env node
// The `rolecall` command (server/package.json "bin"; from the repo: node server/dist/cli/rolecall.js).
// It reads the same environment as the server: DATABASE_URL, ROLECALL_MASTER_KEY, ROLECALL_DATA_DIR.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfigError, loadEnv, type Env } from '../config/env';
import { AuditRepository } from '../audit/audit.repository';
import { AuditService } from '../audit/audit.service';
import { CredentialRepository } from '../credentials/credential.repository';
import { CredentialResealService } from '../credentials/credential-reseal.service';
import { KeyRotationService, type RotationResult } from '../credentials/key-rotation.service';
import { dataSourceOptions } from '../database/data-source-options';
import { VaultService } from '../vault/vault.service';

const USAGE = `usage: rolecall <command>

commands:
  vault rotate-key   re-encrypt every stored credential under a new master key;
                     running servers keep working. With ROLECALL_MASTER_KEY, first deploy
                     "new,old" to every server, then run this, then drop the old key.
  help               show this text

It reads the server's environment: DATABASE_URL, ROLECALL_MASTER_KEY, ROLECALL_DATA_DIR.`;

/** Thrown for problems the operator can fix; printed without a stack. */
class CliError extends Error {}

function report(vault: VaultService, result: RotationResult): string[] {
  const lines = [
    `re-encrypted ${result.reencrypted} secret${result.reencrypted === 1 ? '' : 's'} under key id ${result.keyId}`,
    `keys: ${vault.describe()}`,
  ];
  if (result.remaining > 0) {
    for (const f of result.failed) lines.push(`  could not re-encrypt credential "${f.name}" (${f.id}): ${f.message}`);
    lines.push(`${result.remaining} credential(s) are still under another key; fix the errors above and run the command again.`);
  } else if (vault.mode === 'file') {
    lines.push('Older keys stay in the key file so backups taken before this rotation still decrypt; back up the key file now.');
  } else {
    lines.push('Every credential is under the first key of ROLECALL_MASTER_KEY; once every server runs with it, the other keys may be dropped.');
  }
  return lines;
}

async function rotateKey(env: Env): Promise<number> {
  const dataSource = new DataSource(dataSourceOptions(env.DATABASE_URL));
  try {
    await dataSource.initialize();
  } catch (err) {
    throw new CliError(`cannot connect to the database in DATABASE_URL: ${(err as Error).message}`);
  }
  try {
    if (await dataSource.showMigrations()) {
      throw new CliError('the database has pending migrations; start the server once (it migrates at boot), then retry');
    }
    const vault = new VaultService(env);
    const audit = new AuditService(new AuditRepository(dataSource));
    const credentials = new CredentialRepository(dataSource);
    const reseal = new CredentialResealService(vault, credentials, dataSource);
    const result = await new KeyRotationService(vault, credentials, audit, reseal).rotate();
    const lines = report(vault, result);
    (result.remaining > 0 ? console.error : console.log)(lines.join('\n'));
    return result.remaining > 0 ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

async function main(args: string[]): Promise<number> {
  const command = args.join(' ');
  if (command === '' || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'vault rotate-key') {
    console.error(`unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  // Only warnings and errors from the services (e.g. a key file generated on first use).
  Logger.overrideLogger(['warn', 'error']);
  return rotateKey(loadEnv());
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const known = err instanceof ConfigError || err instanceof CliError || (err as Error)?.name === 'DomainError';
    console.error(`rolecall: ${known ? (err as Error).message : ((err as Error)?.stack ?? String(err))}`);
    process.exitCode = 1;
  },
);
