import { startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../server/test/support/rolecall-app';
import { launchChromium, signInThroughPage } from './browser';
import { startDemoApp } from './demo-app';
import { pageCapture, VIEWPORTS } from './page-capture';

const TEMPLATE = 'Deactivate Litmos users inactive for a year';

describe('an admin starts a workflow from a template on the demo data', () => {
  let sim: SimulatorHandle;
  let t: TestApp;
  let browser: Browser;
  const a11y: string[] = [];

  const capture = pageCapture(a11y);

  beforeAll(async () => {
    sim = await startLitmosSimulator({ users: 40, rateLimit: false });
    // The demo setup `npm start` does: a credential per simulator and a loaded Litmos inventory.
    t = await startDemoApp({ litmos: sim });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sim?.close();
  });

  it('uses the template with the demo credential, lands in the editor with a draft that compiles, and sees it listed as Draft; New workflow starts blank', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS[0] });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The demo's first Litmos load fills the inventory app the template walks.
    await expect
      .poll(async () => (await t.api('GET', '/api/workflows/compile-context')).body.apps?.length ?? 0, { timeout: 60_000, interval: 500 })
      .toBeGreaterThan(0);

    await page.goto(`${t.base}/workflows`);
    await signInThroughPage(page);
    await page.goto(`${t.base}/workflows`);
    await page.getByRole('heading', { name: 'No workflows yet' }).waitFor();
    await capture(page, 'workflows-empty');

    await page.getByRole('button', { name: `Use template: ${TEMPLATE}` }).click();
    const dialog = page.getByRole('dialog', { name: TEMPLATE });
    await expect.poll(() => dialog.getByLabel('Name').inputValue()).toBe(TEMPLATE);
    await dialog.getByTestId('template-app').waitFor();
    // The demo has one Litmos credential: it is already chosen.
    const only = (await t.api('GET', '/api/credentials')).body.find((c: { presetId: string }) => c.presetId === 'litmos');
    expect(await dialog.getByLabel('SAP Litmos credential').inputValue()).toBe(only.id);
    await dialog.getByLabel('SAP Litmos credential').selectOption({ label: 'Demo litmos (simulator)' });
    await capture(page, 'workflow-template-dialog');
    await dialog.getByRole('button', { name: 'Create from template' }).click();

    await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const validated = await t.api('POST', `/api/workflows/${id}/validate`);
    expect(validated.status, validated.text).toBe(200);

    await page.goto(`${t.base}/workflows`);
    const row = page.getByTestId('workflows-table').getByRole('row').filter({ hasText: TEMPLATE });
    await row.getByTestId('workflow-status').filter({ hasText: 'Draft' }).waitFor();
    expect(await row.innerText()).toContain('Manual');
    expect(await row.innerText()).toContain('Never run');
    await page.getByTestId('workflows-total').filter({ hasText: '1 workflow' }).waitFor();
    await capture(page, 'workflows-list');

    // New workflow: only a name, then the editor on a Begin above an End.
    await page.getByRole('button', { name: 'New workflow' }).click();
    const blank = page.getByRole('dialog', { name: 'New workflow' });
    await blank.getByLabel('Name').fill('Quarterly review');
    await capture(page, 'workflow-new-dialog');
    await blank.getByRole('button', { name: 'Create workflow' }).click();
    await page.waitForURL((url) => /\/workflows\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(id));
    const blankId = new URL(page.url()).pathname.split('/').pop()!;
    const draft = await t.api('GET', `/api/workflows/${blankId}`);
    expect(draft.body.graph.nodes.map((n: { type: string }) => n.type)).toEqual(['begin', 'end']);

    expect(errors).toEqual([]);
    expect(a11y).toEqual([]);
  });
});
