import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../server/test/support/rolecall-app';
import { TEST_ADMIN } from '../server/test/support/test-admin';
import { launchChromium, signInThroughPage } from './browser';
import { pageCapture, VIEWPORTS, WEB_DIST } from './page-capture';

describe('web app in Chromium, served by the real server', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  // Every page here is looked at in both sizes and checked by axe; the last test expects no findings.
  const a11y: string[] = [];
  const capture = pageCapture(a11y);

  beforeAll(async () => {
    t = await startTestApp({ ROLECALL_EMBEDDED_WORKER: 'false', ROLECALL_WEB_DIST: WEB_DIST });
    base = t.base;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens on Home with the getting-started checklist, the navigation and live service status', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS[0] });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await signInThroughPage(page);

    await page.getByRole('heading', { name: 'Getting started' }).waitFor();
    await page.getByTestId('checklist-progress').filter({ hasText: '0 of 4 done' }).waitFor();
    await page.getByRole('link', { name: 'Workflows', exact: true }).click();
    // A fresh installation has no workflows: the list offers New workflow and the templates.
    await page.getByRole('heading', { name: 'No workflows yet' }).waitFor();
    for (const label of ['Home', 'Workflows', 'Inventory', 'Integrations', 'Credentials', 'Runs']) {
      await page.getByRole('link', { name: label, exact: true }).waitFor();
    }
    await page.getByTestId('health-postgres').filter({ hasText: 'Postgres up' }).waitFor();
    await page.getByTestId('health-temporal').filter({ hasText: 'Temporal up' }).waitFor();
    await capture(page, 'app-shell');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('navigates between pages and survives a reload on a client-side route', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS[0] });
    await page.goto(base);
    await signInThroughPage(page);
    await page.getByRole('link', { name: 'Integrations', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/integrations');
    await page.getByRole('heading', { name: 'Integrations', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Integrations', exact: true }).waitFor();
    await capture(page, 'integrations-empty');
    await page.close();
  });

  it('sends a visitor to the sign-in page, refuses a wrong password, shows who is signed in and signs out', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS[0] });
    await page.goto(`${base}/credentials`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('Email').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'the email or password is wrong' }).waitFor();
    await capture(page, 'sign-in-refused');

    await signInThroughPage(page);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/credentials');
    expect(await page.getByTestId('signed-in-user').textContent()).toContain(TEST_ADMIN.email);
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByTestId('users-table').getByText(TEST_ADMIN.email).waitFor();
    await capture(page, 'users');
    await page.getByRole('link', { name: 'Audit log', exact: true }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByTestId('audit-table').getByText('auth.signed_in').first().waitFor();
    await capture(page, 'audit');
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    await page.getByRole('heading', { name: 'Account', exact: true }).waitFor();
    await capture(page, 'account');
    await page.goto(`${base}/no-such-page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await capture(page, 'not-found');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Rolecall' }).waitFor();
    await page.goto(`${base}/inventory`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.close();
    expect(a11y).toEqual([]);
  });
});
