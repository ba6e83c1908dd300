import { afterEach, describe, expect, it } from 'vitest';
import type { RunView } from '../api/workflow-runs.api';
import { renderInApp } from '../test-support/render-in-app';
import { runView } from '../test-support/run-view-fixture';
import { RunSummary } from './RunSummary';

const run = (over: Partial<RunView>): RunView =>
  runView({ versionNumber: 2, trigger: { kind: 'schedule' }, status: 'running', progress: { total: 40, done: 10 }, finishedAt: null, ...over });

describe('RunSummary', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  it('fills the bar with the records done while the run goes on', async () => {
    const view = await renderInApp(<RunSummary run={run({ nodes: { api: { held: 3 } } })} />);
    unmount = view.unmount;
    const bar = view.container.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('10');
    expect(bar.getAttribute('aria-valuemax')).toBe('40');
    expect(bar.querySelector<HTMLElement>('.progress-fill')!.style.width).toBe('25%');
    expect(view.container.querySelector('[data-testid="run-progress"]')!.textContent).toMatch(/^10 of 40 records · 3 records held · running for/);
  });

  it('moves a stripe while the population is not known yet', async () => {
    const view = await renderInApp(<RunSummary run={run({ progress: { total: null, done: 0 } })} />);
    unmount = view.unmount;
    expect(view.container.querySelector('.progress-bar')).not.toBeNull();
    expect(view.container.querySelector('[role="progressbar"]')!.hasAttribute('aria-valuenow')).toBe(false);
  });

  it("says why a run failed and drops the bar once it ended", async () => {
    const view = await renderInApp(<RunSummary run={run({ status: 'failed', message: 'Litmos refused the API key of "Demo litmos"', finishedAt: '2026-12-07T00:00:05.000Z' })} />);
    unmount = view.unmount;
    expect(view.container.querySelector('[role="progressbar"]')).toBeNull();
    expect(view.container.textContent).toContain('Litmos refused the API key of "Demo litmos"');
    expect(view.container.textContent).toContain('Failed');
  });

  it('marks a dry run as changing nothing', async () => {
    const view = await renderInApp(<RunSummary run={run({ mode: 'dryRun', status: 'completed', finishedAt: '2026-12-07T00:00:05.000Z' })} />);
    unmount = view.unmount;
    expect(view.container.textContent).toContain('Dry run: nothing is changed at the vendor');
  });
});
