import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `docker compose` (v2 plugin) when present, else the standalone `docker-compose`. */
function composeCommand(): string[] | undefined {
  if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0) return ['docker', 'compose'];
  if (spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0) return ['docker-compose'];
  return undefined;
}

const hasDockerClient = spawnSync('docker', ['--version'], { stdio: 'ignore' }).status === 0;
const compose = composeCommand();

describe.runIf(hasDockerClient)('docker-compose.yml', () => {
  it('is valid for the docker compose client', () => {
    expect(compose, 'a docker client exists but neither `docker compose` nor `docker-compose` is installed').toBeDefined();
    const [cmd, ...args] = compose!;
    execFileSync(cmd!, [...args, 'config', '-q'], { cwd: root, stdio: 'pipe' });
  });

  it('runs the API and separate workers against Postgres and Temporal', () => {
    const [cmd, ...args] = compose!;
    const services = execFileSync(cmd!, [...args, 'config', '--services'], { cwd: root, encoding: 'utf8' })
      .trim()
      .split('\n')
      .sort();
    expect(services).toEqual(['postgres', 'server', 'temporal', 'temporal-ui', 'worker']);
  });
});
