import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { usePlainValidationMessages } from '@rolecall/presets';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import type { Env } from './config/env';
import { hardenHttp } from './common/harden-http';
import { ensureDatabase } from './database/ensure-database';
import { setupOpenApi } from './openapi';
import { serveWebApp } from './web/serve-web-app';

/**
 * Builds the whole application (API, OpenAPI, web app); `main.ts` and the tests both use it.
 * `logStream` receives the log lines instead of stdout.
 */
export async function createApp(env: Env, logStream?: DestinationStream): Promise<NestExpressApplication> {
  usePlainValidationMessages();
  await ensureDatabase(env.DATABASE_URL);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env, logStream), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  hardenHttp(app, env);
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  setupOpenApi(app);
  serveWebApp(app, env.ROLECALL_WEB_DIST);
  return app;
}
