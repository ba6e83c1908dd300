import { ConfigError, loadEnv } from './config/env';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const env = loadEnv();
  const app = await createApp(env);
  try {
    await app.listen(env.PORT, env.HOST);
  } catch (err) {
    if ((err as { code?: string }).code === 'EADDRINUSE') {
      throw new Error(`port ${env.PORT} is taken; stop what listens there or set PORT`);
    }
    throw err;
  }
  const shown = env.HOST === '0.0.0.0' || env.HOST === '127.0.0.1' ? 'localhost' : env.HOST;
  console.log(`Rolecall is up: http://${shown}:${env.PORT}  (API docs: http://${shown}:${env.PORT}/api/docs)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `Rolecall failed to start: ${(err as Error).message}`);
  process.exit(1);
});
