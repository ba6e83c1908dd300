import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunView } from '../api/workflow-runs.api';
import { approveWorkflowRun, cancelWorkflowRun, listWorkflowRunRecords } from '../api/workflows.api';
import { renderInApp } from '../test-support/render-in-app';
import { FIXTURE_RUN_ID, runView } from '../test-support/run-view-fixture';
import { HeldBlocksPanel } from './HeldBlocksPanel';
import type { HeldBlock } from './run-blocks';

vi.mock('../api/workflows.api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/workflows.api')>()),
  approveWorkflowRun: vi.fn(),
  cancelWorkflowRun: vi.fn(),
  listWorkflowRunRecords: vi.fn(),
}));

const RUN_ID = FIXTURE_RUN_ID;
const run = (over: Partial<RunView>): RunView =>
  runView({ mode: 'dryRun', progress: { total: 40, done: 29 }, nodes: { deactivate: { held: 11 } }, ...over });
const block: HeldBlock = { nodeId: 'deactivate', name: 'API', held: 11, doneWord: 'deactivated', action: 'Litmos Deactivate User', capLimit: 4 };
const heldRecords = Array.from({ length: 10 }, (_, i) => ({
  nodeId: 'deactivate',
  block: 'api',
  saasUserId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  externalId: `u${i}`,
  email: `user${i}@example.com`,
  outcome: 'held',
  vendorStatus: null,
  message: null,
  detail: null,
  at: '2026-12-07T00:00:02.000Z',
}));

const button = (root: HTMLElement, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;
const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('HeldBlocksPanel', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());
  beforeEach(() => {
    vi.mocked(listWorkflowRunRecords).mockReset().mockResolvedValue({ items: heldRecords, total: 11 });
    vi.mocked(approveWorkflowRun).mockReset();
    vi.mocked(cancelWorkflowRun).mockReset();
    // happy-dom's <dialog> lacks the modal methods the browser has.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) { this.open = true; };
  });

  it("words a dry run's result, lists the first users it would hit and exports exactly those", async () => {
    const shown: string[] = [];
    const view = await renderInApp(<HeldBlocksPanel run={run({})} blocks={[block]} onShowAll={(id) => shown.push(id)} />);
    unmount = view.unmount;
    await flush();
    const text = view.container.textContent!;
    expect(text).toContain('These 11 users would be deactivated by API (Litmos Deactivate User). Nothing was changed at the vendor.');
    expect(view.container.querySelectorAll('[data-testid="held-deactivate"] a')).toHaveLength(10);
    expect(text).toContain('and 1 more user');
    expect(text).toContain('A live run would stop here and ask for approval: its cap allows 4 users of this population.');
    expect(vi.mocked(listWorkflowRunRecords).mock.calls[0]![1]).toMatchObject({ nodeId: 'deactivate', outcome: 'held' });
    const csv = [...view.container.querySelectorAll('a')].find((a) => a.textContent === 'Export CSV')!;
    expect(csv.getAttribute('href')).toBe(`/api/runs/${RUN_ID}/records.csv?nodeId=deactivate&outcome=held`);
    await act(async () => button(view.container, 'List all in the table').click());
    expect(shown).toEqual(['deactivate']);
    expect(text).not.toContain('Approve');
  });

  it('says so when a dry run would hit nobody', async () => {
    const view = await renderInApp(<HeldBlocksPanel run={run({ nodes: {} })} blocks={[]} onShowAll={() => undefined} />);
    unmount = view.unmount;
    expect(view.container.textContent).toContain('No user would be affected');
  });

  it('asks before approving a run paused at its cap, and approves only on confirmation', async () => {
    const waiting = run({ mode: 'live', status: 'awaiting_approval', awaitingApproval: ['deactivate'] });
    vi.mocked(approveWorkflowRun).mockResolvedValue({ ...waiting, status: 'running', awaitingApproval: [] });
    const view = await renderInApp(<HeldBlocksPanel run={waiting} blocks={[block]} onShowAll={() => undefined} />);
    unmount = view.unmount;
    expect(view.container.textContent).toContain('This run stopped before API (Litmos Deactivate User): 11 users would be deactivated, more than its cap allows without approval (4 users).');

    await act(async () => button(view.container, 'Approve: 11 users deactivated').click());
    const dialog = view.container.querySelector('dialog')!;
    expect(dialog.textContent).toContain('Approve 11 changes?');
    await act(async () => button(dialog, 'Not yet').click());
    expect(view.container.querySelector('dialog')).toBeNull();
    expect(approveWorkflowRun).not.toHaveBeenCalled();

    await act(async () => button(view.container, 'Approve: 11 users deactivated').click());
    await act(async () => button(view.container.querySelector('dialog')!, 'Approve').click());
    await flush();
    expect(approveWorkflowRun).toHaveBeenCalledWith(RUN_ID);
    expect(cancelWorkflowRun).not.toHaveBeenCalled();
  });

  it("shows the server's refusal when cancelling fails", async () => {
    const waiting = run({ mode: 'live', status: 'awaiting_approval', awaitingApproval: ['deactivate'] });
    vi.mocked(cancelWorkflowRun).mockRejectedValue(new Error('run is completed, not awaiting approval'));
    const view = await renderInApp(<HeldBlocksPanel run={waiting} blocks={[block]} onShowAll={() => undefined} />);
    unmount = view.unmount;
    await act(async () => button(view.container, 'Cancel the run').click());
    await act(async () => button(view.container.querySelector('dialog')!, 'Cancel the run').click());
    await flush();
    expect(cancelWorkflowRun).toHaveBeenCalledWith(RUN_ID);
    expect(view.container.querySelector('.notice-error')?.textContent).toContain('not awaiting approval');
  });
});
