import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startServer, type RunningServer } from './server';
import { deflateSync } from 'node:zlib';

/** What the journeys do over and over in the H5 build: sign in with a demo account, tap, wait for text. */

/** A small real PNG (a blue square), as a phone camera would hand the picker an image file. */
export function photoPng(): Buffer {
  const size = 32;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [30, 120, 200]).flat())]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function signIn(page: Page, baseUrl: string, account: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('.gz-demo-account', { hasText: account }).click();
  await page.locator('.gz-demo-account').first().waitFor({ state: 'detached' });
}

export async function tapButton(page: Page, text: string): Promise<void> {
  await page.locator('.nut-button', { hasText: text }).last().click();
}

export async function expectText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout: 15000 });
}

/**
 * The built server on a fresh SQLite database with the demo data, and headless Chromium, for one describe block:
 * started before its tests, stopped after. Read `env.server` / `env.browser` inside the tests.
 */
export function journeyEnvironment(): { readonly server: RunningServer; readonly browser: Browser } {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** the published password of every demo staff and liaison account (server demo seed) */
export const DEMO_PASSWORD = 'gezhi-demo-2026';

/** The public API as the journey's other participants use it (fetch against the started server); `login` gives a token. */
export function journeyApi(baseUrl: string) {
  const call = async <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return { call, login: async (account: string) => (await call<{ token: string }>('POST', '/auth/dev-login', undefined, { account })).token };
}

