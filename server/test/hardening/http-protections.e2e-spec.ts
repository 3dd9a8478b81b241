import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { bootTestApp, TestApp } from '../support/test-app';

/** Headers on every response, and connection timeouts against slow clients. */
describe('HTTP protections', () => {
  let t: TestApp;

  beforeAll(async () => {
    // short timeouts so the test waits a second, not the production defaults (10 s headers, 30 s idle)
    t = await bootTestApp({ HTTP_HEADERS_TIMEOUT_MS: '800', HTTP_IDLE_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '5000' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(() => t.close());

  const port = () => (t.app.getHttpServer().address() as AddressInfo).port;

  /** Opens a socket, sends `text` and never finishes the request; resolves with the ms until the server closes it. */
  function stall(text: string, giveUpMs: number): Promise<{ closedAfterMs: number | null; received: string }> {
    return new Promise((resolve) => {
      const started = Date.now();
      let received = '';
      const socket = net.connect(port(), '127.0.0.1', () => socket.write(text));
      const timer = setTimeout(() => {
        socket.destroy();
        resolve({ closedAfterMs: null, received });
      }, giveUpMs);
      socket.on('data', (chunk) => (received += chunk.toString('utf8')));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve({ closedAfterMs: Date.now() - started, received });
      });
    });
  }

  it('drops a connection whose headers do not arrive within HTTP_HEADERS_TIMEOUT_MS', async () => {
    const { closedAfterMs } = await stall('GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', 6000);
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(3000);
  });

  it('drops a connection whose body stalls within HTTP_REQUEST_TIMEOUT_MS', async () => {
    const { closedAfterMs } = await stall(
      'POST /api/auth/dev-login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"acc',
      12_000,
    );
    expect(closedAfterMs).not.toBeNull();
    expect(closedAfterMs!).toBeLessThan(8000);
  });

  it('sends security headers on API answers, errors and /docs, with a CSP that lets Swagger UI run', async () => {
    for (const url of ['/health', '/api/me', '/api/nope', '/docs']) {
      const response = await t.anonymous.get(url);
      expect({ url, nosniff: response.headers['x-content-type-options'] }).toEqual({ url, nosniff: 'nosniff' });
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      // the H5 build uploads a picked photo by reading its blob: URL (Taro.uploadFile), and nothing else
      expect(csp).toContain("connect-src 'self' blob:");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
  });

  it('marks every /api answer no-store (personal data), not the documentation', async () => {
    const resident = await t.loginAs('resident1');
    for (const url of ['/api/me', '/api/requests', '/api/nope']) {
      const response = await resident.get(url);
      expect({ url, cache: response.headers['cache-control'] }).toEqual({ url, cache: 'no-store' });
    }
    const login = await t.anonymous.post('/api/auth/dev-login', { account: 'resident1' });
    expect(login.headers['cache-control']).toBe('no-store');
    expect((await t.anonymous.get('/docs/json')).headers['cache-control']).toBeUndefined();
  });
});
