import { startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../server/test/support/rolecall-app';
import { launchChromium, signInThroughPage } from './browser';
import { TEST_ADMIN } from '../server/test/support/test-admin';

const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));
const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

describe('integrations and inventory pages in Chromium, against a Litmos simulator', () => {
  let sim: SimulatorHandle;
  let t: TestApp;
  let browser: Browser;
  let credentialName: string;

  beforeAll(async () => {
    mkdirSync(resultsDir, { recursive: true });
    sim = await startLitmosSimulator({ users: 300, rateLimit: false });
    t = await startTestApp({ ROLECALL_WEB_DIST: webDist });
    credentialName = `Litmos e2e ${sim.port}`;
    const credential = await t.api('POST', '/api/credentials', {
      name: credentialName,
      presetId: 'litmos',
      baseUrl: sim.url,
      fields: sim.credentials,
    });
    expect(credential.status, credential.text).toBe(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sim?.close();
  });

  it('creates an integration in the form, runs it now and shows the loaded users in the inventory', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${t.base}/integrations`);
    await signInThroughPage(page);
    await page.getByRole('link', { name: 'New integration' }).first().click();
    await page.getByRole('heading', { name: 'New integration', exact: true }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Litmos users');
    await page.getByLabel('Preset').selectOption('litmos');
    await page.getByLabel('Credential').selectOption({ label: credentialName });
    await page.getByLabel('Sync key').selectOption('externalId');
    await page.screenshot({ path: `${resultsDir}/integration-new.png` });
    await page.getByRole('button', { name: 'Create integration' }).click();

    await page.getByTestId('mappings-table').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/integrations\/[0-9a-f-]{36}$/);
    const integrationId = new URL(page.url()).pathname.split('/')[2]!;
    await page.getByTestId('integration-status').filter({ hasText: 'Draft' }).waitFor();
    await page.screenshot({ path: `${resultsDir}/integration-detail.png` });

    await page.getByRole('button', { name: 'Run now' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/runs\/[0-9a-f-]{36}$/);
    await page.getByTestId('run-status').filter({ hasText: 'Completed' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('run-count-created').innerText()).toContain('300');
    expect(await page.getByTestId('run-count-failed').innerText()).toContain('0');
    await page.screenshot({ path: `${resultsDir}/integration-run.png` });

    await page.getByRole('link', { name: 'Inventory', exact: true }).click();
    await page.getByTestId('saas-users-total').filter({ hasText: '300 users' }).waitFor();
    expect(await page.getByTestId('saas-users-table').locator('tbody tr').count()).toBe(50);
    await page.screenshot({ path: `${resultsDir}/inventory.png` });

    // Deactivate one record by hand: confirm, then the row and the server agree.
    const firstRow = page.getByTestId('saas-users-table').locator('tbody tr').first();
    await firstRow.getByRole('button', { name: 'Deactivate record' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate record' }).click();
    await firstRow.getByRole('button', { name: 'Restore' }).waitFor();
    const active = (await t.api('GET', '/api/saas-users?status=active&pageSize=1')).body.total;
    const inactive = (await t.api('GET', '/api/saas-users?status=deactivated&pageSize=1')).body.total;
    expect(active + inactive).toBe(300);
    const events = await t.app.get(DataSource).query(`SELECT source FROM inventory_event WHERE type = 'saasUser.deactivated'`);
    expect(events).toEqual([{ source: { kind: 'manual', actor: { kind: 'user', id: expect.any(String), name: TEST_ADMIN.email } } }]);

    // Edit: a custom field mapped from a vendor field, and the role given to new People.
    await page.goto(`${t.base}/integrations/${integrationId}`);
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByTestId('mapping-editor').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/integrations/${integrationId}/edit`);
    await page.getByRole('button', { name: 'Add custom field' }).click();
    await page.getByLabel('Field key').fill('jobTitle');
    await page.getByLabel('Field label').fill('Job title');
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Vendor field for Job title').selectOption({ label: 'Job title' });
    await page.getByLabel('People role').fill('Learner');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const saved = (await t.api('GET', `/api/integrations/${integrationId}`)).body;
    expect(saved.customFields).toEqual([{ key: 'jobTitle', label: 'Job title', type: 'string' }]);
    expect(saved.mappings['custom.jobTitle'].from).toEqual(['JobTitle']);
    expect(saved.personRole).toBe('Learner');
    expect(await page.getByLabel('Vendor field for Job title').inputValue()).toBe('JobTitle');
    // The page scrolls inside the app shell, so a tall viewport (not fullPage) shows the whole form.
    await page.setViewportSize({ width: 1280, height: 2000 });
    await page.screenshot({ path: `${resultsDir}/integration-edit.png` });

    expect(errors).toEqual([]);
    await page.close();
  });
});
