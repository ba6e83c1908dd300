// Standalone Temporal worker process (scale-out: docker-compose `worker`). Same modules as the
// API — database, vault, user loads — without the HTTP server.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ConfigError, loadEnv } from './config/env';
import { ensureDatabase } from './database/ensure-database';

async function main(): Promise<void> {
  const env = loadEnv({ ...process.env, ROLECALL_EMBEDDED_WORKER: 'true' });
  await ensureDatabase(env.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(env), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `Rolecall worker failed to start: ${(err as Error).message}`);
  process.exit(1);
});
