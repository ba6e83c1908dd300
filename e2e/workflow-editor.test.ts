import { startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForWorkflowRun } from '../server/test/support/engine-fixtures';
import type { TestApp } from '../server/test/support/rolecall-app';
import { launchChromium, signInThroughPage } from './browser';
import { startDemoApp } from './demo-app';
import { simUsers, staleActiveLitmosUsers } from './litmos-sim-users';
import { pageCapture, VIEWPORTS } from './page-capture';

/** Ids of the Litmos users the workflow must deactivate. */
const staleActiveIds = (sim: SimulatorHandle, now: number): string[] => staleActiveLitmosUsers(sim, now).map((u) => String(u.Id)).sort();

/** Drags a connection from an output handle to a block's input, as an admin does with the mouse. */
async function connect(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

describe('an admin draws "deactivate Litmos users inactive for a year" on the canvas', () => {
  let sim: SimulatorHandle;
  let t: TestApp;
  let browser: Browser;
  const a11y: string[] = [];

  const capture = pageCapture(a11y);

  beforeAll(async () => {
    sim = await startLitmosSimulator({ users: 40, rateLimit: false, seed: 7 });
    t = await startDemoApp({ litmos: sim });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sim?.close();
  });

  it('drags blocks from the palette, connects them, sees the checklist, fixes it, launches and runs it against the simulator', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS[0] });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await expect
      .poll(async () => (await t.api('GET', '/api/saas-apps')).body.find?.((a: { activeUserCount: number }) => a.activeUserCount > 0) !== undefined, { timeout: 60_000, interval: 500 })
      .toBe(true);
    const stale = staleActiveIds(sim, Date.now());
    expect(stale.length).toBeGreaterThan(0);

    await page.goto(`${t.base}/workflows`);
    await signInThroughPage(page);
    await page.goto(`${t.base}/workflows`);
    await page.getByRole('button', { name: 'New workflow' }).click();
    await page.getByRole('dialog', { name: 'New workflow' }).getByLabel('Name').fill('Stale Litmos users');
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
    const workflowId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('canvas-node-begin').waitFor();
    await page.getByTestId('checklist').waitFor();

    // Begin: the Litmos app, every user.
    await page.getByTestId('canvas-node-begin').click();
    const panel = page.getByTestId('properties-panel');
    // The demo loaded one app: Litmos.
    await panel.getByLabel('App', { exact: true }).selectOption({ index: 1 });
    await capture(page, 'editor-begin');

    // Rule, dragged from the palette: last login older than 365 days, and still active.
    const canvas = page.getByTestId('workflow-canvas');
    await page.getByTestId('palette-rule').dragTo(canvas, { targetPosition: { x: 400, y: 200 } });
    const rule = page.locator('[data-testid^="canvas-node-rule-"]');
    await rule.waitFor();
    const ruleId = (await rule.getAttribute('data-testid'))!.replace('canvas-node-', '');
    await panel.getByLabel('Value for SaaS user last login (days)').fill('365');
    await panel.getByRole('button', { name: 'Add condition' }).click();
    await panel.getByLabel('Condition 2 field').selectOption({ label: 'SaaS user status' });
    await panel.getByLabel('Condition 2 operator').selectOption({ label: 'is' });
    await panel.getByLabel('Value for SaaS user status').selectOption('active');

    // API, dragged too: Litmos Deactivate User with the demo credential, a cap above the population.
    await page.getByTestId('palette-api').dragTo(canvas, { targetPosition: { x: 400, y: 420 } });
    const api = page.locator('[data-testid^="canvas-node-api-"]');
    await api.waitFor();
    const apiId = (await api.getAttribute('data-testid'))!.replace('canvas-node-', '');
    await panel.getByLabel('Vendor').selectOption({ label: 'SAP Litmos' });
    await panel.getByLabel('Credential').selectOption({ label: 'Demo litmos (simulator)' });
    await panel.getByLabel('Action').selectOption('deactivateUser');
    await panel.getByLabel('Most users').fill('1000');
    await panel.getByLabel('Most percent of the population').fill('100');

    // Every block in view before drawing connections.
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(300);
    await connect(page, page.getByTestId('handle-begin-next'), page.getByTestId(`handle-${ruleId}-in`));
    await connect(page, page.getByTestId(`handle-${ruleId}-true`), page.getByTestId(`handle-${apiId}-in`));
    await connect(page, page.getByTestId(`handle-${ruleId}-false`), page.getByTestId('handle-end-in'));
    await connect(page, page.getByTestId(`handle-${apiId}-success`), page.getByTestId('handle-end-in'));
    // A connection the graph language refuses (End has no outputs; nothing enters Begin) is not drawn.
    await connect(page, page.getByTestId(`handle-${apiId}-error`), page.getByTestId(`handle-${ruleId}-in`));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);

    // The API block's error output is still open: Validate names it on the block.
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByText(/problem(s)? to fix, shown on the blocks/).waitFor();
    await page.getByTestId(`canvas-node-${apiId}`).getByText(/error/i).first().waitFor();
    expect(await page.getByTestId(`canvas-node-${apiId}`).getAttribute('class')).toContain('has-errors');
    await page.getByTestId(`checklist-${apiId}`).click();
    await capture(page, 'editor-validation-error');
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.waitForTimeout(500);
    await capture(page, 'editor-auto-layout');

    await connect(page, page.getByTestId(`handle-${apiId}-error`), page.getByTestId('handle-end-in'));
    await page.getByTestId('checklist-ready').waitFor();
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByText('it is ready to launch').waitFor();
    const saved = (await t.api('GET', `/api/workflows/${workflowId}`)).body;
    expect(saved.graph.edges).toHaveLength(5);
    expect(saved.graph.nodes.find((n: { id: string }) => n.id === apiId).data).toMatchObject({ presetId: 'litmos', actionId: 'deactivateUser', cap: { maxUsers: 1000, maxPercent: 100 } });

    // Dry run of the draft before launching: the run view lists who would be deactivated, and nothing changes.
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.waitForURL(new RegExp(`/workflows/${workflowId}/runs/[0-9a-f-]{36}$`));
    await page.getByTestId('dry-run-summary').getByText(`${stale.length === 1 ? 'This user' : `These ${stale.length} users`} would be deactivated`).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId(`held-${apiId}`).getByRole('link').count()).toBe(Math.min(10, stale.length));
    await capture(page, 'editor-dry-run');
    expect(staleActiveIds(sim, Date.now())).toEqual(stale);

    await page.getByRole('link', { name: '← Stale Litmos users' }).click();
    await page.getByRole('button', { name: 'Launch', exact: true }).click();
    await page.getByTestId('version-badge').filter({ hasText: 'Launched v1' }).waitFor();
    await capture(page, 'editor-launched');

    await page.getByRole('button', { name: 'Run now' }).click();
    await page.waitForURL(new RegExp(`/workflows/${workflowId}/runs/[0-9a-f-]{36}$`));
    const runId = new URL(page.url()).pathname.split('/').pop()!;
    // The counts on the launched graph follow the run.
    await page.getByTestId('run-status').filter({ hasText: 'Completed' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId(`node-counts-${apiId}`).locator('.count-success dd').textContent()).toBe(String(stale.length));
    await capture(page, 'editor-run-done');
    const run = await waitForWorkflowRun(t, runId);
    expect(run.status).toBe('completed');
    expect(run.nodes[apiId]).toMatchObject({ success: stale.length });

    // The simulator and the inventory agree: exactly the stale active users were deactivated.
    const deactivated: string[] = [];
    for (const user of simUsers(sim)) {
      if (stale.includes(String(user.Id))) expect(user.Active).toBe(false);
      if (user.Active === false && stale.includes(String(user.Id))) deactivated.push(String(user.Id));
    }
    expect(deactivated.sort()).toEqual(stale);
    const inventory = (await t.api('GET', '/api/saas-users?status=deactivated&pageSize=200')).body.items as { externalId: string; email: string }[];
    expect(stale.every((id) => inventory.some((u) => u.externalId === id))).toBe(true);
    // And the admin sees them so in Inventory.
    await page.goto(`${t.base}/inventory?status=deactivated&pageSize=100`);
    for (const id of stale.slice(0, 3)) await page.getByTestId('saas-users-table').getByText(inventory.find((u) => u.externalId === id)!.email).waitFor();

    expect(errors).toEqual([]);
    expect(a11y).toEqual([]);
  });
});
