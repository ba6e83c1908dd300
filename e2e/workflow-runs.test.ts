import { startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { WORKFLOW_TEMPLATES } from '@rolecall/workflows/graph';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../server/test/support/rolecall-app';
import { launchChromium, signInThroughPage } from './browser';
import { startDemoApp } from './demo-app';
import { simUsers, staleActiveLitmosUsers } from './litmos-sim-users';
import { pageCapture, VIEWPORTS } from './page-capture';

const RUN_URL = /\/workflows\/[0-9a-f-]{36}\/runs\/[0-9a-f-]{36}/;

/** Emails of the Litmos users the template deactivates. */
const staleActiveEmails = (sim: SimulatorHandle, now: number): string[] =>
  staleActiveLitmosUsers(sim, now).map((u) => String(u.Email).toLowerCase()).sort();

const activeCount = (sim: SimulatorHandle) => simUsers(sim).filter((u) => u.Active === true).length;

describe('an admin follows a workflow run: the dry-run list, a run paused at its cap, approval and the counts', () => {
  let sim: SimulatorHandle;
  let t: TestApp;
  let browser: Browser;
  const a11y: string[] = [];
  const capture = pageCapture(a11y);

  beforeAll(async () => {
    sim = await startLitmosSimulator({ users: 60, rateLimit: false, seed: 11 });
    t = await startDemoApp({ litmos: sim });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sim?.close();
  });

  it('dry-runs, lists who would be hit with a CSV, approves the capped live run and sees the users deactivated', async () => {
    await expect
      .poll(async () => (await t.api('GET', '/api/saas-apps')).body.find?.((a: { activeUserCount: number }) => a.activeUserCount > 0) !== undefined, { timeout: 60_000, interval: 500 })
      .toBe(true);
    const app = (await t.api('GET', '/api/saas-apps')).body[0];
    const credential = (await t.api('GET', '/api/credentials')).body.find((c: { presetId: string }) => c.presetId === 'litmos');
    const stale = staleActiveEmails(sim, Date.now());
    expect(stale.length).toBeGreaterThan(2);

    // The template, its cap lowered below the stale users so a live run pauses for approval.
    const graph = WORKFLOW_TEMPLATES.find((w) => w.id === 'deactivate-inactive-litmos-users')!.graph({ credentialId: credential.id, appId: app.id });
    (graph.nodes.find((n) => n.id === 'deactivate')!.data as { cap: unknown }).cap = { maxUsers: 2 };
    const created = await t.api('POST', '/api/workflows', { name: 'Stale Litmos users', graph });
    expect(created.status, created.text).toBe(201);
    const workflowId = created.body.id;
    expect((await t.api('POST', `/api/workflows/${workflowId}/launch`)).body).toMatchObject({ number: 1 });

    const page = await browser.newPage({ viewport: VIEWPORTS[0] });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${t.base}/workflows/${workflowId}`);
    await signInThroughPage(page);
    await page.goto(`${t.base}/workflows/${workflowId}`);

    // Dry run: the would-be list, in words, by email, and as CSV; nothing changes at the vendor.
    const activeBefore = activeCount(sim);
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.waitForURL(RUN_URL);
    const summary = page.getByTestId('dry-run-summary');
    await summary.getByText(`These ${stale.length} users would be deactivated by API (Litmos Deactivate User)`).waitFor({ timeout: 60_000 });
    await page.getByTestId('run-status').filter({ hasText: 'Completed' }).waitFor();
    // The cap (2 users) is below the would-be list: the dry run warns that a live run would ask first.
    await summary.getByTestId('over-cap-deactivate').filter({ hasText: 'its cap allows 2 users' }).waitFor();
    const listed = (await page.getByTestId('held-deactivate').getByRole('link').allTextContents()).map((e) => e.toLowerCase()).sort();
    expect(listed.length).toBe(Math.min(10, stale.length));
    expect(listed.every((email) => stale.includes(email))).toBe(true);
    await page.getByTestId('node-counts-deactivate').getByText('held').waitFor();
    await capture(page, 'run-dry-run');
    expect(activeCount(sim)).toBe(activeBefore);

    await summary.getByRole('button', { name: 'List all in the table' }).click();
    await page.waitForURL(/node=deactivate&outcome=held/);
    const table = page.getByTestId('run-records-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(stale.length);
    const href = (await summary.getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!;
    const csv = await page.request.get(`${t.base}${href}`);
    expect(csv.status()).toBe(200);
    const csvEmails = (await csv.text()).trim().split('\n').slice(1).map((line) => line.split(',')[3]!.toLowerCase()).sort();
    expect(csvEmails).toEqual(stale);

    // Run now: the run stops at the cap and names who would be hit; nothing is done before approval.
    await page.getByRole('link', { name: '← Stale Litmos users' }).click();
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.waitForURL(RUN_URL);
    const approval = page.getByTestId('approval-panel');
    await approval.waitFor({ timeout: 60_000 });
    await approval.getByText(`${stale.length} users would be deactivated, more than its cap allows without approval`).waitFor();
    await page.getByTestId('run-status').filter({ hasText: 'Awaiting approval' }).waitFor();
    await capture(page, 'run-awaiting-approval');
    expect(activeCount(sim)).toBe(activeBefore);

    await approval.getByRole('button', { name: `Approve: ${stale.length} users deactivated` }).click();
    const dialog = page.getByRole('dialog', { name: `Approve ${stale.length} changes?` });
    await dialog.getByRole('button', { name: 'Approve' }).click();

    // The counts on the canvas follow the run to its end.
    await page.getByTestId('run-status').filter({ hasText: 'Completed' }).waitFor({ timeout: 60_000 });
    const counts = page.getByTestId('node-counts-deactivate');
    await counts.getByText('success').waitFor();
    await expect.poll(() => counts.locator('.count-success dd').textContent()).toBe(String(stale.length));
    await page.getByTestId('run-progress').getByText(/^\d+ of \d+ records/).waitFor();
    const [done, total] = ((await page.getByTestId('run-progress').textContent())!.match(/^(\d+) of (\d+)/) ?? []).slice(1);
    expect(done).toBe(total);
    await capture(page, 'run-approved');

    // A block's records, by clicking it on the canvas.
    await page.getByTestId('canvas-node-stale').click();
    await page.waitForURL(/node=stale/);
    await expect.poll(async () => (await table.locator('tbody tr').first().textContent()) ?? '').toContain('Rule');
    await page.getByRole('combobox', { name: 'Filter by outcome' }).selectOption('true');
    await page.waitForURL(/node=stale&outcome=true/);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(stale.length);
    await table.scrollIntoViewIfNeeded();
    await capture(page, 'run-records');

    // The vendor and the inventory agree: the stale users are deactivated, nobody else.
    for (const user of simUsers(sim)) {
      if (stale.includes(String(user.Email).toLowerCase())) expect(user.Active).toBe(false);
    }
    expect(activeCount(sim)).toBe(activeBefore - stale.length);
    await page.goto(`${t.base}/inventory?status=deactivated&pageSize=100`);
    const inventory = page.getByTestId('saas-users-table');
    for (const email of stale.slice(0, 3)) await inventory.getByText(email).waitFor();

    // The run view links to this workflow's runs on the Runs page: both runs, each linking back.
    await page.goBack();
    await page.getByRole('link', { name: 'All runs of this workflow' }).click();
    await page.waitForURL(new RegExp(`/runs\\?source=workflows&workflow=${workflowId}`));
    const runs = page.getByTestId('runs-table');
    await expect.poll(() => runs.locator('tbody tr').count()).toBe(2);
    await runs.locator('tbody tr').first().getByRole('link').first().click();
    await page.waitForURL(RUN_URL);
    await page.getByTestId('run-progress').waitFor();

    expect(errors).toEqual([]);
    expect(a11y).toEqual([]);
  });
});
