import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT, type RunningServer } from './server';

/** what a page needs from the journey: the browser, and the server whose clock the page shares */
export interface JourneyParts {
  readonly browser: Browser;
  readonly server: RunningServer;
}

export const SCREENSHOT_DIR = join(REPO_ROOT, 'artifacts/screenshots');

/** Debian's Chromium, headless, with the flags this closed network needs; Playwright gives each launch a fresh profile. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
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

/** A phone-sized page (the H5 build is the mini-program's layout), on the journey's clock. */
export async function newPhonePage({ browser, server }: JourneyParts): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await server.clock.attach(context);
  return context.newPage();
}

/** A desktop browser window (staff and liaisons use the H5 build on a computer), on the journey's clock. */
export async function newDesktopPage({ browser, server }: JourneyParts): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await server.clock.attach(context);
  return context.newPage();
}

export async function screenshot(page: Page, journey: string, step: string): Promise<void> {
  const dir = join(SCREENSHOT_DIR, journey);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${step}.png`), fullPage: true });
}
