import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../server/test/support/rolecall-app';
import { TEST_ADMIN } from '../server/test/support/test-admin';
import { launchChromium, signInThroughPage } from './browser';

const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));
const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

describe('web app in Chromium, served by the real server', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(resultsDir, { recursive: true });
    t = await startTestApp({ ROLECALL_EMBEDDED_WORKER: 'false', ROLECALL_WEB_DIST: webDist });
    base = t.base;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens on Home with the getting-started checklist, the navigation and live service status', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
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
    await page.screenshot({ path: `${resultsDir}/app-shell.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('navigates between pages and survives a reload on a client-side route', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(base);
    await signInThroughPage(page);
    await page.getByRole('link', { name: 'Integrations', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/integrations');
    await page.getByRole('heading', { name: 'Integrations', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Integrations', exact: true }).waitFor();
    await page.screenshot({ path: `${resultsDir}/integrations.png` });
    await page.close();
  });

  it('sends a visitor to the sign-in page, refuses a wrong password, shows who is signed in and signs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/credentials`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('Email').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'the email or password is wrong' }).waitFor();

    await signInThroughPage(page);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/credentials');
    expect(await page.getByTestId('signed-in-user').textContent()).toContain(TEST_ADMIN.email);
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByTestId('users-table').getByText(TEST_ADMIN.email).waitFor();
    await page.screenshot({ path: `${resultsDir}/users.png` });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Rolecall' }).waitFor();
    await page.goto(`${base}/inventory`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.close();
  });
});
