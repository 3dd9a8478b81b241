#!/usr/bin/env node
/**
 * Writes the generated OpenAPI document (what the server serves at /docs/json) to docs/openapi.json.
 *   pnpm --filter @gezhi/server build && node server/scripts/write-openapi.js
 * The platform e2e test fails when the committed file and the served document disagree. The answers' schemas in it
 * come from server/src/openapi/response-schemas.json: after changing a shared response type or the route table, run
 * node server/scripts/write-response-schemas.js first (test/contract fails until then).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createApp } = require('../dist/app.factory');
const { parseConfig } = require('../dist/config/app-config');

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-openapi-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${path.join(dir, 'openapi.sqlite')}`,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    SEED_DEMO: 'false',
    TOKEN_SECRET: 'openapi-generation-only-0123456789abcdef',
  });
  const app = await createApp(config, { logger: ['error'] });
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  const response = await fastify.inject({ method: 'GET', url: '/docs/json' });
  const target = path.resolve(__dirname, '../../docs/openapi.json');
  fs.writeFileSync(target, `${JSON.stringify(JSON.parse(response.body), null, 2)}\n`);
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
