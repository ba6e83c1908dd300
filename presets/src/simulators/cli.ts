import { writeFileSync } from 'node:fs';
import { startAllSimulators } from './start-all';

/** `npm run simulators`: starts every vendor simulator and prints base URLs and demo credentials. */
async function main(): Promise<void> {
  const sims = await startAllSimulators();
  const lines = ['Rolecall vendor simulators (Ctrl+C to stop)', ''];
  for (const [preset, sim] of Object.entries(sims)) {
    lines.push(`${preset.padEnd(8)} ${sim.url}   users: ${sim.state.size}`);
    for (const [key, value] of Object.entries(sim.credentials)) lines.push(`         ${key}: ${value}`);
  }
  lines.push('', 'Clients must allow the host: ROLECALL_ALLOWED_HOSTS=127.0.0.1');
  process.stdout.write(`${lines.join('\n')}\n`);
  // `npm start` hands this file to the server, which sets up demo credentials and integrations from it.
  const stateFile = process.env.ROLECALL_SIM_STATE_FILE;
  if (stateFile) {
    const state = Object.fromEntries(Object.entries(sims).map(([preset, sim]) => [preset, { url: sim.url, credentials: sim.credentials }]));
    writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  }
  const stop = () => {
    void Promise.all(Object.values(sims).map((s) => s.close())).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulators failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
