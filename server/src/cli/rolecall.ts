#!/usr/bin/env node
// The `rolecall` command (server/package.json "bin"; from the repo: node server/dist/cli/rolecall.js).
// It reads the same environment as the server: DATABASE_URL, ROLECALL_MASTER_KEY, ROLECALL_DATA_DIR.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConfigError, loadEnv, type Env } from '../config/env';
import { AuditRepository } from '../audit/audit.repository';
import { AuditService } from '../audit/audit.service';
import { systemActor } from '../audit/system-actor';
import { EmailSchema, PasswordSchema } from '../auth/auth.schema';
import { UserRepository } from '../auth/user.repository';
import { UserSessionRepository } from '../auth/user-session.repository';
import { UsersService } from '../auth/users.service';
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
  admin create <email>
                     create an admin who can sign in; the password is ROLECALL_ADMIN_PASSWORD
                     when set (at least 12 characters), else one is generated and printed once.
                     An existing user is left unchanged.
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

/** Runs `work` on a migrated database, closing the connection afterwards. */
async function withDatabase(env: Env, work: (dataSource: DataSource, audit: AuditService) => Promise<number>): Promise<number> {
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
    return await work(dataSource, new AuditService(new AuditRepository(dataSource)));
  } finally {
    await dataSource.destroy();
  }
}

function rotateKey(env: Env): Promise<number> {
  return withDatabase(env, async (dataSource, audit) => {
    const vault = new VaultService(env);
    const credentials = new CredentialRepository(dataSource);
    const reseal = new CredentialResealService(vault, credentials, dataSource);
    const result = await new KeyRotationService(vault, credentials, audit, reseal).rotate(systemActor('cli'));
    const lines = report(vault, result);
    (result.remaining > 0 ? console.error : console.log)(lines.join('\n'));
    return result.remaining > 0 ? 1 : 0;
  });
}

function createAdmin(env: Env, rawEmail: string | undefined): Promise<number> {
  const email = EmailSchema.safeParse(rawEmail ?? '');
  if (!email.success) throw new CliError(`"${rawEmail ?? ''}" is not an email address; usage: rolecall admin create <email>`);
  const given = env.ROLECALL_ADMIN_PASSWORD;
  if (given !== undefined && !PasswordSchema.safeParse(given).success) throw new CliError('ROLECALL_ADMIN_PASSWORD must have at least 12 characters');
  const password = given ?? randomBytes(18).toString('base64url');
  return withDatabase(env, async (dataSource, audit) => {
    const users = new UsersService(new UserRepository(dataSource), new UserSessionRepository(dataSource), audit, dataSource);
    if ((await users.ensureAdmin(email.data, password, systemActor('cli'))) === 'exists') {
      console.error(`a user with email ${email.data} exists and was left unchanged; an admin can reset its password in Users`);
      return 1;
    }
    console.log(given !== undefined ? `created the admin ${email.data} with ROLECALL_ADMIN_PASSWORD` : `created the admin ${email.data}; password (shown once): ${password}`);
    return 0;
  });
}

async function main(args: string[]): Promise<number> {
  const command = args.join(' ');
  if (command === '' || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  // Only warnings and errors from the services (e.g. a key file generated on first use).
  Logger.overrideLogger(['warn', 'error']);
  if (command === 'vault rotate-key') return rotateKey(loadEnv());
  if (args[0] === 'admin' && args[1] === 'create' && args.length <= 3) return createAdmin(loadEnv(), args[2]);
  console.error(`unknown command "${command}"\n\n${USAGE}`);
  return 2;
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
