import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_ADMIN } from '../server/test/support/test-admin';

/**
 * Launches Debian's Chromium (never a downloaded browser). The flags keep it from reaching for
 * Google's services, which this machine's closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Signs in through the sign-in page the browser was sent to (opening a page without a session
 * redirects there) and waits until the app shell shows who is signed in.
 */
export async function signInThroughPage(page: Page, email: string = TEST_ADMIN.email, password: string = TEST_ADMIN.password): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in to Rolecall' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-user').waitFor();
}
