import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { InstallationRepository } from './installation.repository';

/** File inside ROLECALL_DATA_DIR holding the id of the database's installation row. */
export const INSTALLATION_ID_FILE = 'installation-id';

/** The data dir and the database belong to different installations; boot stops with this. */
export class InstallationMismatchError extends Error {
  override readonly name = 'InstallationMismatchError';
}

/**
 * Names the installation (one row in the database) and, in the embedded mode, ties the data dir
 * to it. The data dir holds the vault key file and the Temporal data of `npm start`; pairing it
 * with another database (a second checkout, a recreated `.rolecall/` on the same PostgreSQL)
 * would make every secret undecryptable and every schedule vanish, so boot refuses instead.
 * With ROLECALL_MASTER_KEY the data dir holds nothing that belongs to the database and is not checked.
 */
@Injectable()
export class InstallationService implements OnModuleInit {
  private readonly logger = new Logger(InstallationService.name);
  private current: string | undefined;

  constructor(
    private readonly installations: InstallationRepository,
    @Inject(APP_CONFIG) private readonly env: Env,
  ) {}

  /** The installation id (stamped on Temporal Schedules, so reconciling touches only ours). */
  get id(): string {
    if (!this.current) throw new Error('the installation is not known before the module is initialised');
    return this.current;
  }

  async onModuleInit(): Promise<void> {
    if (this.env.ROLECALL_MASTER_KEY) {
      this.current = await this.installations.claim(randomUUID());
      return;
    }
    const file = resolve(this.env.ROLECALL_DATA_DIR, INSTALLATION_ID_FILE);
    const fromDir = readIdFile(file);
    const fromDb = await this.installations.find();
    if (fromDb && fromDb !== fromDir) throw new InstallationMismatchError(mismatchMessage(file, fromDir, fromDb));
    // A database without a row is new, or older than the marker: it adopts the data dir's id.
    this.current = await this.installations.claim(fromDir ?? randomUUID());
    if (!fromDir) {
      mkdirSync(this.env.ROLECALL_DATA_DIR, { recursive: true, mode: 0o700 });
      writeFileSync(file, `${this.current}\n`, { mode: 0o600 });
      this.logger.log(`data dir ${this.env.ROLECALL_DATA_DIR} now belongs to installation ${this.current}`);
    }
  }
}

function readIdFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim() || null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function mismatchMessage(file: string, fromDir: string | null, fromDb: string): string {
  const dir = fromDir
    ? `the data dir belongs to installation ${fromDir} (${file})`
    : `the data dir has no ${INSTALLATION_ID_FILE} file (a fresh or recreated data dir)`;
  return (
    `the database belongs to installation ${fromDb}, but ${dir}. Its credentials are sealed with that installation's vault ` +
    `key file and its schedules live in that installation's Temporal data. Point ROLECALL_DATA_DIR at the data dir whose ` +
    `${INSTALLATION_ID_FILE} reads ${fromDb}, or set DATABASE_URL to a database of its own for this data dir. If that data dir ` +
    `is lost for good, write ${fromDb} into ${file} to adopt the database (then re-enter each credential's secrets).`
  );
}
