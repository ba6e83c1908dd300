import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';

const HISTORIES = join(__dirname, 'histories');

describe('recorded runGraph histories replay against the current workflow code', () => {
  // Recorded from real runs by scripts/record-histories.sh. A change that would break runs in
  // flight (a reordered activity, a new timer without patching) fails here with a nondeterminism error.
  it('replays every recorded run without nondeterminism', async () => {
    const files = readdirSync(HISTORIES).filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThanOrEqual(2);
    const histories = files.map((f) => ({ workflowId: f.replace(/\.json$/, ''), history: temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(HISTORIES, f), 'utf8'))) }));
    const results = Worker.runReplayHistories({ workflowsPath: join(__dirname, '..', 'src', 'workflows'), replayName: 'run-graph-replay' }, histories);
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of results) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(files.length);
  }, 120_000);
});
