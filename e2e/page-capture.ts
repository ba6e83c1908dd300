import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './accessibility';

/** Where e2e screenshots go (test-results/ at the repository root). */
export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
/** The built web app the test server serves. */
export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
/** Every page is looked at from the smallest supported screen up. */
export const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];

/**
 * A `capture(page, name)` that takes the page's screenshots at both sizes and adds axe-core's
 * serious or critical findings, prefixed with `name`, to `a11y` (a test expects it empty).
 */
export function pageCapture(a11y: string[]): (page: Page, name: string) => Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return async (page, name) => {
    for (const size of VIEWPORTS) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `${RESULTS_DIR}/${name}-${size.width}.png` });
    }
    await page.setViewportSize(VIEWPORTS[0]!);
    a11y.push(...(await seriousA11yViolations(page)).map((v) => `${name}: ${v}`));
  };
}
