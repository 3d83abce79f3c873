import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's Chromium: Playwright's own browser download cannot work on the build machines. */
export const CHROMIUM = process.env.TALLY_CHROMIUM ?? '/usr/bin/chromium';

/** Where the browser specs leave a screenshot of each page they visit (gitignored, not committed). */
export const SCREENSHOTS = join(__dirname, '..', '..', '.test-results', 'console');

/**
 * A headless Chromium, each launch with a fresh profile of its own (Playwright makes one in a
 * temporary folder and removes it), and nothing fetched from the network by the browser itself.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (as .ci/run does)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
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

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Waits until `read` answers `expected` (a page settling, a projection catching up); fails after `ms`. */
export async function eventually<T>(read: () => Promise<T>, expected: T, ms = 10_000): Promise<void> {
  let last: T | undefined;
  for (const end = Date.now() + ms; Date.now() < end;) {
    last = await read();
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`expected ${String(expected)}, still ${String(last)} after ${ms} ms`);
}
