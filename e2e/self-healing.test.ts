import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../server/test/support/test-env';
import { sql, startVaultApp, type RunningApp } from '../server/test/support/vault-app';
import { launchChromium, signInThroughPage } from './browser';

const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));
const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));
const key = () => randomBytes(32).toString('base64');

describe('repairing state from the web app', () => {
  let db: TestDatabase;
  let app: RunningApp;
  let browser: Browser;
  let credentialId: string;
  const env = { ROLECALL_WEB_DIST: webDist, TEMPORAL_TASK_QUEUE: `test-${randomUUID()}` };

  beforeAll(async () => {
    mkdirSync(resultsDir, { recursive: true });
    db = await createTestDatabase();
    // Secrets sealed under one key, then the server boots with another: the key file was lost.
    const before = await startVaultApp(db.url, { ...env, ROLECALL_MASTER_KEY: key() });
    const cred = await before.call('POST', '/api/credentials', { name: `Lever ${randomUUID().slice(0, 6)}`, presetId: 'lever', fields: { apiKey: `sk-${randomBytes(16).toString('hex')}` } });
    credentialId = cred.json.id;
    await before.close();
    app = await startVaultApp(db.url, { ...env, ROLECALL_MASTER_KEY: key() });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });

  it('shows a banner naming the credentials the vault keys cannot open', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.base}/credentials`);
    await signInThroughPage(page);
    const banner = page.getByTestId('vault-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(credentialId);
    await page.getByTestId('health-vault').filter({ hasText: 'Vault down' }).waitFor();
    await page.screenshot({ path: `${resultsDir}/vault-banner.png` });
    await page.close();
  });

  it('retries a run whose workflow is gone and cancels the new one', async () => {
    const created = await app.call('POST', '/api/integrations', {
      name: `Lever load ${randomUUID().slice(0, 6)}`,
      presetId: 'lever',
      credentialId,
      syncKeys: [{ field: 'externalId', priority: 1 }],
    });
    const id = created.json.id as string;
    const stale = randomUUID();
    await sql(
      db.url,
      `INSERT INTO integration_run (id, integration_id, load_key, workflow_id, trigger, status, started_at)
       VALUES ($1, $2, $3, $4, 'manual', 'running', now() - interval '10 minutes')`,
      [stale, id, `gone/${stale}`, `user-load-${id}-manual-${stale}`],
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.base}/integrations/${id}/runs/${stale}`);
    await signInThroughPage(page);
    await page.getByTestId('run-status').filter({ hasText: 'Failed' }).waitFor();
    await page.getByText(/no longer exists/).first().waitFor();
    await page.getByRole('button', { name: 'Retry' }).click();
    // No worker polls this queue: the new run stays queued until it is cancelled.
    await expect.poll(() => new URL(page.url()).pathname).not.toContain(stale);
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.getByTestId('run-status').filter({ hasText: 'Cancelled' }).waitFor();
    await page.screenshot({ path: `${resultsDir}/run-cancelled.png` });
    await page.close();
  });
});
