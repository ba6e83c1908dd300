import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemActor } from '../audit/system-actor';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { UsersService } from './users.service';

/** Where `npm start`'s demo keeps the generated admin password (0600, inside the data dir). */
export const DEMO_ADMIN_FILE = 'demo-admin.txt';
export const DEMO_ADMIN_EMAIL = 'admin@rolecall.local';

/**
 * Makes sure someone can sign in. ROLECALL_ADMIN_EMAIL/PASSWORD create that admin if missing; the
 * embedded demo (`npm start`) generates an admin on a fresh installation, prints its password once
 * and keeps it in a 0600 file, and later boots only name that file. Otherwise, with no user yet,
 * the log says how to create one.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly env: Env,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ROLECALL_ADMIN_EMAIL: email, ROLECALL_ADMIN_PASSWORD: password } = this.env;
    if (email && password) {
      if ((await this.users.ensureAdmin(email, password, systemActor('boot'))) === 'created') {
        this.logger.log(`created the admin ${email} from ROLECALL_ADMIN_EMAIL / ROLECALL_ADMIN_PASSWORD`);
      }
      return;
    }
    if (this.env.ROLECALL_DEMO_SIMULATORS_FILE) {
      await this.demoAdmin();
      return;
    }
    if ((await this.users.count()) === 0) {
      this.logger.warn('nobody can sign in yet: run `node server/dist/cli/rolecall.js admin create <email>` or set ROLECALL_ADMIN_EMAIL and ROLECALL_ADMIN_PASSWORD');
    }
  }

  private async demoAdmin(): Promise<void> {
    const file = resolve(this.env.ROLECALL_DATA_DIR, DEMO_ADMIN_FILE);
    if ((await this.users.count()) > 0) {
      if (existsSync(file)) console.log(`Sign in as ${DEMO_ADMIN_EMAIL}; the password is in ${file}`);
      return;
    }
    const password = randomBytes(18).toString('base64url');
    await this.users.ensureAdmin(DEMO_ADMIN_EMAIL, password, systemActor('demo'));
    mkdirSync(this.env.ROLECALL_DATA_DIR, { recursive: true, mode: 0o700 });
    writeFileSync(file, `email: ${DEMO_ADMIN_EMAIL}\npassword: ${password}\n`, { mode: 0o600 });
    // Printed on stdout, once, and never through the logger: log shipping must not carry it.
    console.log(
      [
        '',
        '  Demo admin created. Sign in with:',
        `    email:    ${DEMO_ADMIN_EMAIL}`,
        `    password: ${password}`,
        `  (kept in ${file}, readable only by you; change it under Account once signed in)`,
        '',
      ].join('\n'),
    );
  }
}
