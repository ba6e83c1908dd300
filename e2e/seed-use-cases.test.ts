import { startLeverSimulator, startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../server/test/support/rolecall-app';
import { launchChromium, signInThroughPage } from './browser';
import { startDemoApp } from './demo-app';
import { pageCapture, VIEWPORTS } from './page-capture';

const RUN_URL = /\/workflows\/[0-9a-f-]{36}\/runs\/[0-9a-f-]{36}/;

type SaasUser = { id: string; externalId: string; email: string | null; personId: string | null; status: string };

/** A template from the workflow list, with the demo credential, launched from the editor; returns the workflow id. */
async function launchTemplate(page: Page, base: string, template: string, credentialLabel: string, credential: string): Promise<string> {
  await page.goto(`${base}/workflows`);
  await page.getByRole('button', { name: `Use template: ${template}` }).click();
  const dialog = page.getByRole('dialog', { name: template });
  await dialog.getByTestId('template-app').waitFor();
  await dialog.getByLabel(credentialLabel).selectOption({ label: credential });
  await dialog.getByRole('button', { name: 'Create from template' }).click();
  await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
  await page.getByTestId('checklist-ready').waitFor();
  await page.getByRole('button', { name: 'Launch', exact: true }).click();
  await page.getByTestId('version-badge').filter({ hasText: 'Launched v1' }).waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** The SaaS users of one loaded app, through the API the pages read. */
async function usersOf(t: TestApp, presetId: string): Promise<SaasUser[]> {
  const app = (await t.api('GET', '/api/saas-apps')).body.find((a: { presetId: string }) => a.presetId === presetId);
  return (await t.api('GET', `/api/saas-users?app=${app.id}&pageSize=200`)).body.items;
}

describe('a newcomer runs the other two seed use cases from the demo data, in the browser', () => {
  let litmos: SimulatorHandle;
  let lever: SimulatorHandle;
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const a11y: string[] = [];
  const capture = pageCapture(a11y);

  beforeAll(async () => {
    litmos = await startLitmosSimulator({ users: 30, rateLimit: false, seed: 5 });
    lever = await startLeverSimulator({ users: 30, rateLimit: false, seed: 5 });
    t = await startDemoApp({ litmos, lever });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORTS[0] });
    page.on('pageerror', (e) => errors.push(e.message));
    // The demo's first loads fill both inventory apps.
    const deadline = Date.now() + 90_000;
    const loadedApps = async () => (await t.api('GET', '/api/saas-apps')).body.filter?.((a: { activeUserCount: number }) => a.activeUserCount > 0).length ?? 0;
    while ((await loadedApps()) < 2) {
      if (Date.now() > deadline) throw new Error('the demo loads did not fill Litmos and Lever within 90 s');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await page.goto(`${t.base}/workflows`);
    await signInThroughPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await litmos?.close();
    await lever?.close();
  });

  it('scheduled Litmos role audit: Run now reads every role and marks the user Litmos no longer has as deactivated', async () => {
    const loaded = await usersOf(t, 'litmos');
    const gone = loaded.find((u) => u.status === 'active')!;
    // The user leaves Litmos after the load: the audit must notice.
    const removed = await fetch(`${litmos.url}/users/${gone.externalId}?source=rolecall&format=json`, { method: 'DELETE', headers: { apikey: litmos.credentials.apiKey! } });
    expect(removed.status).toBe(200);

    const workflowId = await launchTemplate(page, t.base, 'Scheduled Litmos role audit', 'SAP Litmos credential', 'Demo litmos (simulator)');
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.waitForURL(RUN_URL);
    await page.getByTestId('run-status').filter({ hasText: 'Completed' }).waitFor({ timeout: 60_000 });
    const counts = page.getByTestId('node-counts-role');
    await expect.poll(() => counts.locator('.count-notFound dd').textContent()).toBe('1');
    await expect.poll(() => counts.locator('.count-found dd').textContent()).toBe(String(loaded.length - 1));
    await capture(page, 'seed-role-audit-run');

    await page.getByRole('combobox', { name: 'Filter by block' }).selectOption({ label: 'SaaS User Role Retrieval' });
    await page.getByRole('combobox', { name: 'Filter by outcome' }).selectOption('notFound');
    await page.waitForURL(/outcome=notFound/);
    const table = page.getByTestId('run-records-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await table.getByText(gone.email!).waitFor();

    const after = (await t.api('GET', `/api/saas-users/${gone.id}`)).body;
    expect(after.status).toBe('deactivated');
    const runs = (await t.api('GET', `/api/runs?workflowId=${workflowId}`)).body;
    expect(runs.items).toHaveLength(1);
  });

  it('Lever offboarding: offboarding a person in Inventory deletes their Lever user through the launched workflow', { timeout: 120_000 }, async () => {
    const target = (await usersOf(t, 'lever')).find((u) => u.status === 'active' && u.personId !== null && u.email)!;
    const workflowId = await launchTemplate(page, t.base, 'Delete the Lever user when a person is offboarded', 'Lever credential', 'Demo lever (simulator)');

    await page.goto(`${t.base}/inventory?tab=people`);
    await page.getByLabel('Search people').fill(target.email!);
    const row = page.getByRole('row').filter({ hasText: target.email! });
    await expect.poll(() => page.getByRole('row').filter({ hasText: target.email! }).count()).toBe(1);
    await row.getByRole('button', { name: 'Offboard' }).click();
    await page.getByRole('dialog', { name: 'Offboard this person?' }).getByRole('button', { name: 'Offboard' }).click();
    await row.getByText('Offboarded').waitFor();

    // The event starts the workflow; its run appears on the Runs page and shows the deletion.
    await page.goto(`${t.base}/runs?source=workflows`);
    const runs = page.getByTestId('runs-table');
    // The list refreshes itself: no reload needed for a run an event started.
    await runs.getByRole('row').filter({ hasText: 'Event' }).first().waitFor({ timeout: 60_000 });
    await runs.getByRole('row').filter({ hasText: 'Event' }).first().getByRole('link').first().click();
    await page.waitForURL(RUN_URL);
    await page.getByTestId('run-progress').waitFor();
    await page.getByTestId('run-status').filter({ hasText: 'Completed' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('node-counts-delete').locator('.count-success dd').textContent()).toBe('1');
    await capture(page, 'seed-offboarding-run');

    // Lever cannot delete: the user is deactivated there and gone from the inventory.
    expect(lever.state.get(target.externalId)).toMatchObject({ deactivatedAt: expect.anything() });
    expect((await t.api('GET', `/api/saas-users/${target.id}`)).status).toBe(404);
    expect((await t.api('GET', `/api/runs?workflowId=${workflowId}&trigger=event`)).body.total).toBe(1);

    expect(errors).toEqual([]);
    expect(a11y).toEqual([]);
  });
});
