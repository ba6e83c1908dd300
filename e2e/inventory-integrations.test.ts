import { startLitmosSimulator, type SimulatorHandle } from '@rolecall/presets/simulators';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../server/test/support/rolecall-app';
import { TEST_ADMIN } from '../server/test/support/test-admin';
import { launchChromium, signInThroughPage } from './browser';
import { pageCapture, RESULTS_DIR, VIEWPORTS, WEB_DIST } from './page-capture';


describe('a new admin connects Litmos and loads its users from the browser alone', () => {
  let sim: SimulatorHandle;
  let t: TestApp;
  let browser: Browser;
  const a11y: string[] = [];

  const capture = pageCapture(a11y);

  beforeAll(async () => {
    sim = await startLitmosSimulator({ users: 300, rateLimit: false });
    t = await startTestApp({ ROLECALL_WEB_DIST: WEB_DIST });
    // The demo-like setup: another app's credential already exists; Litmos is the admin's to connect.
    const other = await t.api('POST', '/api/credentials', { name: 'Lever demo', presetId: 'lever', baseUrl: sim.url, fields: { apiKey: 'demo' } });
    expect(other.status, other.text).toBe(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sim?.close();
  });

  it('creates a credential, runs the wizard to a launched load, finds users by a custom field and sees Home change', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS[0] });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Home: the checklist points at the first step.
    await page.goto(t.base);
    await signInThroughPage(page);
    await page.getByTestId('checklist-progress').filter({ hasText: '1 of 4 done' }).waitFor();
    await capture(page, 'home-start');
    await page.getByRole('link', { name: 'Open integrations' }).first().waitFor();

    // Credential: every problem at once before sending, then Test before saving, then Save.
    await page.goto(`${t.base}/credentials/new`);
    await page.getByRole('button', { name: 'Save credential' }).click();
    await page.locator('.field-invalid').nth(1).waitFor();
    await capture(page, 'credential-errors');
    await page.getByLabel('Name', { exact: true }).fill('Litmos production');
    await page.getByLabel('Preset').selectOption('litmos');
    await page.getByLabel('API key').fill(sim.credentials.apiKey!);
    await page.getByLabel('Base URL').fill(sim.url);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByRole('status').filter({ hasText: 'Connection works.' }).waitFor();
    await page.getByRole('button', { name: 'Save credential' }).click();
    await page.getByTestId('credentials-table').getByText('Litmos production').waitFor();
    await capture(page, 'credentials');

    // Edit: replace the secret without seeing it, then test what was saved.
    await page.getByRole('link', { name: 'Edit Litmos production' }).click();
    await page.getByLabel('New API key').fill(sim.credentials.apiKey!);
    await page.getByRole('button', { name: 'Save and test' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved, and the saved settings work.' }).waitFor();
    await capture(page, 'credential-edit');

    // Wizard: Details → Connect → Mappings → Schedule → Finish.
    await page.getByRole('link', { name: 'Integrations', exact: true }).click();
    await page.getByRole('link', { name: 'New integration' }).first().click();
    await page.getByLabel('App', { exact: true }).selectOption('litmos');
    await page.getByRole('button', { name: 'Next: Connect' }).click();
    await page.getByText('Name must not be empty').or(page.locator('.field-invalid')).first().waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Litmos users');
    await capture(page, 'wizard-details');
    await page.getByRole('button', { name: 'Next: Connect' }).click();

    await page.getByLabel('Credential').selectOption({ label: 'Litmos production' });
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByRole('status').filter({ hasText: 'Connection works.' }).waitFor();
    await capture(page, 'wizard-connect');
    await page.getByRole('button', { name: 'Next: Mappings' }).click();

    await page.getByRole('button', { name: 'Smart Mapping' }).click();
    await page.getByRole('button', { name: 'Add custom field' }).click();
    await page.getByLabel('Field key').fill('jobTitle');
    await page.getByLabel('Field label').fill('Job title');
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByLabel('Vendor field for Job title').selectOption({ label: 'Job title' });
    expect(await page.getByTestId('sync-keys').innerText()).toContain('External id');
    await page.getByRole('button', { name: 'Preview the first records' }).click();
    await expect.poll(() => page.getByTestId('mapping-preview').locator('tbody tr').count()).toBe(5);
    await page.setViewportSize({ width: 1280, height: 2000 });
    await page.screenshot({ path: `${RESULTS_DIR}/wizard-mappings-full.png` });
    await capture(page, 'wizard-mappings');
    await page.getByRole('button', { name: 'Next: Schedule' }).click();

    await page.getByTestId('schedule-preview').filter({ hasText: /every day at 02:00/ }).waitFor();
    await capture(page, 'wizard-schedule');
    await page.getByRole('button', { name: 'Next: Finish' }).click();
    await page.getByRole('button', { name: 'Create integration' }).click();
    await page.getByRole('status').filter({ hasText: 'ready' }).waitFor();
    await capture(page, 'wizard-finish');
    await page.getByRole('button', { name: 'Launch' }).click();

    await page.getByTestId('integration-status').filter({ hasText: 'Active' }).waitFor();
    const integrationId = new URL(page.url()).pathname.split('/')[2]!;
    const saved = (await t.api('GET', `/api/integrations/${integrationId}`)).body;
    expect(saved.customFields).toEqual([{ key: 'jobTitle', label: 'Job title', type: 'string' }]);
    expect(saved.mappings['custom.jobTitle'].from).toEqual(['JobTitle']);
    expect(saved.syncKeys).toEqual([{ field: 'externalId', priority: 1 }]);
    expect(saved.schedule).toMatchObject({ kind: 'cron', cron: '0 2 * * *' });
    await capture(page, 'integration-detail');

    // Run now: progress, then the counts and the error log.
    await page.getByRole('button', { name: 'Run now' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/runs\/[0-9a-f-]{36}$/);
    await page.getByTestId('run-status').filter({ hasText: 'Completed' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('run-count-created').innerText()).toContain('300');
    expect(await page.getByTestId('run-count-failed').innerText()).toContain('0');
    await page.getByRole('heading', { name: /Error log/ }).waitFor();
    await capture(page, 'integration-run');

    // Runs: every load, filtered in the URL, with the next scheduled load.
    await page.getByRole('link', { name: 'Runs', exact: true }).click();
    await page.getByTestId('runs-total').filter({ hasText: '1 run' }).waitFor();
    await page.getByLabel('Filter by status').selectOption('failed');
    await page.getByTestId('runs-total').filter({ hasText: '0 runs' }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('failed');
    await page.goBack();
    await page.getByTestId('runs-total').filter({ hasText: '1 run' }).waitFor();
    await capture(page, 'runs');

    // Inventory: find users by the custom field.
    await page.getByRole('link', { name: 'Inventory', exact: true }).click();
    await page.getByTestId('saas-users-total').filter({ hasText: '300 users' }).waitFor();
    expect(await page.getByTestId('saas-users-table').locator('tbody tr').count()).toBe(50);
    const users = (await t.api('GET', '/api/saas-users?pageSize=500')).body.items as { custom: { jobTitle?: string | null } }[];
    const title = users.find((u) => u.custom.jobTitle)!.custom.jobTitle!;
    const withTitle = users.filter((u) => u.custom.jobTitle === title).length;
    // The column and the filter name the field by its label; the filter still sends the key.
    await page.getByTestId('saas-users-table').getByRole('columnheader', { name: 'Job title' }).waitFor();
    expect(await page.getByLabel('Custom field', { exact: true }).locator('option[value="jobTitle"]').textContent()).toBe('Job title');
    await page.getByLabel('Custom field', { exact: true }).selectOption('jobTitle');
    await page.getByLabel('Custom field value').fill(title);
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByTestId('saas-users-total').filter({ hasText: withTitle === 1 ? '1 user' : `${withTitle} users` }).waitFor();
    expect(new URL(page.url()).searchParams.get('customValue')).toBe(title);
    await capture(page, 'inventory-custom-filter');
    await page.goBack();
    await page.getByTestId('saas-users-total').filter({ hasText: '300 users' }).waitFor();

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

    // The account's page: vendor fields and history; then the person behind it, across apps.
    await firstRow.getByRole('link').first().click();
    await page.getByTestId('history').filter({ hasText: 'Account deactivated' }).waitFor();
    expect(await page.getByTestId('history').innerText()).toContain('Account created');
    await capture(page, 'saas-user');
    await page.getByRole('link', { name: 'Open the person' }).click();
    await expect.poll(() => page.getByTestId('person-accounts').locator('tbody tr').count()).toBe(1);
    await page.getByTestId('history').filter({ hasText: 'Account deactivated' }).waitFor();
    await capture(page, 'person');
    await page.goto(`${t.base}/inventory?tab=people`);
    await page.getByRole('tab', { name: 'People', selected: true }).waitFor();
    await capture(page, 'people');
    await page.getByRole('link', { name: 'Integrations', exact: true }).click();
    await page.getByTestId('integrations-table').waitFor();
    await capture(page, 'integrations');

    // Home has changed: three steps done, the seats counted, one deactivation this month.
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByTestId('checklist-progress').filter({ hasText: '3 of 4 done' }).waitFor();
    expect(await page.getByTestId('tile-Active SaaS users').innerText()).toContain(String(active));
    expect(await page.getByTestId('tile-Deactivations this month').innerText()).toContain('1');
    await page.getByTestId('seats-table').getByRole('link', { name: 'SAP Litmos' }).waitFor();
    await capture(page, 'home-after');

    // Edit: the role given to new People, kept by the server.
    await page.goto(`${t.base}/integrations/${integrationId}`);
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByTestId('mapping-editor').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/integrations/${integrationId}/edit`);
    await page.getByLabel('People role').fill('Learner');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await t.api('GET', `/api/integrations/${integrationId}`)).body.personRole).toBe('Learner');
    expect(await page.getByLabel('Vendor field for Job title').inputValue()).toBe('JobTitle');
    await capture(page, 'integration-edit');

    expect(a11y).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
