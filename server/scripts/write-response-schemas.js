#!/usr/bin/env node
/**
 * Generates the JSON Schemas of the API's answers from the shared response types named in the route table
 * (shared/src/routes.ts, `defineRoute<Body, Query, Response>()`) and writes server/src/openapi/response-schemas.json,
 * which the server attaches to its OpenAPI document (src/openapi/response-schemas.ts):
 *   node server/scripts/write-response-schemas.js          (then regenerate docs/openapi.json: write-openapi.js)
 *   node server/scripts/write-response-schemas.js --check  (exit 1 when the committed file is not current)
 * A dev tool (ts-json-schema-generator, a devDependency): the running server only reads the JSON.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ts = require('typescript');
const { createGenerator } = require('ts-json-schema-generator');

const SHARED_SRC = path.resolve(__dirname, '../../shared/src');
const ROUTES_FILE = path.join(SHARED_SRC, 'routes.ts');
const TARGET = path.resolve(__dirname, '../src/openapi/response-schemas.json');

/** The routes of API_ROUTES with the text of their response type (`Page<RequestSummary>`). */
function readRouteTable() {
  const source = ts.createSourceFile(ROUTES_FILE, fs.readFileSync(ROUTES_FILE, 'utf8'), ts.ScriptTarget.Latest, true);
  let table;
  const imports = [];
  source.forEachChild((node) => {
    if (ts.isImportDeclaration(node)) imports.push(node);
    if (ts.isVariableStatement(node)) {
      for (const declaration of node.declarationList.declarations) {
        if (declaration.name.getText(source) !== 'API_ROUTES') continue;
        let init = declaration.initializer;
        while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression?.(init) || ts.isParenthesizedExpression(init))) init = init.expression;
        table = init;
      }
    }
  });
  if (!table || !ts.isObjectLiteralExpression(table)) throw new Error('API_ROUTES not found in shared/src/routes.ts');
  const routes = [];
  for (const property of table.properties) {
    const name = property.name.getText(source);
    const call = property.initializer;
    const inner = call && ts.isCallExpression(call) && ts.isCallExpression(call.expression) ? call.expression : null;
    const typeArgs = inner?.typeArguments;
    if (!inner || inner.expression.getText(source) !== 'defineRoute' || !typeArgs || typeArgs.length !== 3) {
      throw new Error(`API_ROUTES.${name}: expected defineRoute<Body, Query, Response>()(method, path)`);
    }
    routes.push({ name, response: typeArgs[2].getText(source) });
  }
  return { routes, imports: imports.map((node) => node.getText(source)) };
}

/** OpenAPI component names allow [A-Za-z0-9._-]: Page<RequestSummary> → Page_RequestSummary */
const componentName = (definition) => definition.replace(/[<>,\s]+/g, '_').replace(/[^A-Za-z0-9._-]/g, '_').replace(/_+$/, '');

function rewriteRefs(value, names) {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, names));
  if (!value || typeof value !== 'object') return value;
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/')) {
      const original = decodeURIComponent(v.slice('#/definitions/'.length));
      out.$ref = `#/components/schemas/${names.get(original) ?? componentName(original)}`;
    } else out[key] = rewriteRefs(v, names);
  }
  return out;
}

/** Sorted keys, so that the file only changes when a schema does. */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
}

function generate() {
  const { routes, imports } = readRouteTable();
  const withBody = routes.filter((r) => r.response !== 'void' && r.response !== 'FileAnswer');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-schemas-'));
  const entry = path.join(dir, 'route-responses.ts');
  const rewritten = imports.map((line) => line.replace(/from '\.\/([^']+)'/, (_, file) => `from '${path.join(SHARED_SRC, file).replace(/\\/g, '/')}'`));
  fs.writeFileSync(
    entry,
    `${rewritten.join('\n')}\n\nexport interface RouteResponses {\n${withBody.map((r) => `  ${r.name}: ${r.response};`).join('\n')}\n}\n`,
  );
  const tsconfig = path.join(dir, 'tsconfig.json');
  fs.writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { strict: true, target: 'ES2021', module: 'commonjs', skipLibCheck: true, types: [] }, files: [entry] }));
  let schema;
  try {
    schema = createGenerator({
      path: entry,
      tsconfig,
      type: 'RouteResponses',
      expose: 'export',
      topRef: false,
      jsDoc: 'basic',
      // an answer with a field the shared type does not declare is drift too
      additionalProperties: false,
      skipTypeCheck: true,
      sortProps: true,
    }).createSchema('RouteResponses');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const definitions = schema.definitions ?? {};
  const names = new Map(Object.keys(definitions).map((original) => [original, componentName(original)]));
  const schemas = {};
  for (const [original, definition] of Object.entries(definitions)) schemas[names.get(original)] = rewriteRefs(definition, names);
  const responses = {};
  for (const route of withBody) responses[route.name] = rewriteRefs(schema.properties[route.name], names);
  return sortKeys({
    $comment: 'Generated by server/scripts/write-response-schemas.js from the response types of shared/src/routes.ts; do not edit.',
    responses,
    schemas,
  });
}

function main() {
  const text = `${JSON.stringify(generate(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(TARGET) ? fs.readFileSync(TARGET, 'utf8') : '';
    if (committed !== text) {
      console.error(`${path.relative(process.cwd(), TARGET)} is not current: run node server/scripts/write-response-schemas.js`);
      process.exit(1);
    }
    console.log('response schemas are current');
    return;
  }
  fs.mkdirSync(path.dirname(TARGET), { recursive: true });
  fs.writeFileSync(TARGET, text);
  console.log(`wrote ${path.relative(process.cwd(), TARGET)}`);
}

module.exports = { generate };
if (require.main === module) main();
