// A Litmos simulator in a process of its own, as a real vendor would be: the load bench runs it
// here so the vendor's CPU work does not land on the worker's event loop.
// argv: users seed limit(on|off). Prints {"url","credentials"} once; answers "counters" on stdin.
import { createInterface } from 'node:readline';
import { startLitmosSimulator } from '../../presets/src/simulators';

async function main(): Promise<void> {
  const [users = '100000', seed = '1', limit = 'on'] = process.argv.slice(2);
  const sim = await startLitmosSimulator({ users: Number(users), seed: Number(seed), ...(limit === 'off' ? { rateLimit: false } : {}) });
  process.stdout.write(`${JSON.stringify({ url: sim.url, credentials: sim.credentials })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === 'counters') process.stdout.write(`${JSON.stringify(sim.counters.snapshot())}\n`);
  }
  await sim.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
