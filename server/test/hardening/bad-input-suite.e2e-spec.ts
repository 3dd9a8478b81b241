import { ErrorCode } from '@gezhi/shared';
import request from 'supertest';
import { ApiClient, bootTestApp, TestApp } from '../support/test-app';

/**
 * The generated bad-input suite (issue 11): every operation of the served OpenAPI document gets malformed input —
 * deep JSON, bodies of the wrong shape, each body field and query parameter with a wrong type, a huge string and a
 * NUL byte, bad ids in every path parameter (`0x2`, `1e3`, ` 1`, `-1`, `99999999999`, 150 characters), malformed
 * multipart on uploads — from a caller the route lets through its guards. Every answer must be a 4xx in the error
 * envelope (a code of the shared ErrorCode, a Chinese message), never a 5xx and never a success.
 */

interface Schema {
  type?: string;
  $ref?: string;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const CALLERS = ['resident1', 'gridleader1', 'community1', 'street1', 'liaison1'];
const BAD_IDS = ['0x2', '1e3', '%201', '-1', '99999999999', 'A'.repeat(150), '%00'];
const ERROR_CODES = new Set<string>(Object.values(ErrorCode));
const CHINESE = /[\u4e00-\u9fff]/;
const HUGE = 'x'.repeat(20_000);

interface Probe {
  method: string;
  path: string;
  query?: string;
  body?: string;
  contentType?: string;
  what: string;
}

describe('bad input on every route of the OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  const clients = new Map<string, ApiClient>();

  beforeAll(async () => {
    t = await bootTestApp();
    doc = (await t.anonymous.get('/docs/json').expect(200)).body as Document;
    for (const account of CALLERS) clients.set(account, await t.loginAs(account));
  });

  afterAll(() => t.close());

  const resolve = (schema: Schema | undefined): Schema => {
    let current = schema ?? {};
    for (let i = 0; i < 10 && current.$ref; i++) current = doc.components.schemas[current.$ref.split('/').pop()!] ?? {};
    if (current.allOf?.length) return resolve(current.allOf[0]);
    return current;
  };

  /** A plausible value of a schema: valid-looking, so that a mutated field is the only thing wrong. */
  const plausible = (schema: Schema | undefined, depth = 0): unknown => {
    const s = resolve(schema);
    if (s.enum?.length) return s.enum[0];
    if (s.type === 'string') return s.format === 'date-time' ? '2026-12-07T02:00:00.000Z' : '正常的内容';
    if (s.type === 'number' || s.type === 'integer') return 1;
    if (s.type === 'boolean') return false;
    if (s.type === 'array') return [];
    if (s.properties && depth < 4) {
      return Object.fromEntries(Object.entries(s.properties).map(([key, value]) => [key, plausible(value, depth + 1)]));
    }
    return {};
  };

  /** Values of the wrong type for a schema. */
  const wrongTypes = (schema: Schema | undefined): unknown[] => {
    const s = resolve(schema);
    if (s.enum?.length) return ['NOT_A_CHOICE', 7];
    if (s.type === 'string') return [12345, { a: 1 }];
    if (s.type === 'number' || s.type === 'integer') return ['abc', '1', 1.5e300, { a: 1 }];
    if (s.type === 'boolean') return ['yes', 2];
    if (s.type === 'array') return ['x', { a: 1 }];
    return ['x', 5];
  };

  const pathWith = (template: string, params: Parameter[], bad?: [string, string]): string =>
    params.reduce((path, p) => path.replace(`{${p.name}}`, bad && bad[0] === p.name ? bad[1] : '1'), template);

  const send = (client: ApiClient | null, probe: Probe) => {
    const url = probe.query ? `${probe.path}?${probe.query}` : probe.path;
    let test = (request(t.app.getHttpServer()) as unknown as Record<string, (u: string) => request.Test>)[probe.method](url);
    if (client?.token) test = test.set('Authorization', `Bearer ${client.token}`);
    if (probe.body !== undefined) test = test.set('Content-Type', probe.contentType ?? 'application/json').send(probe.body);
    return test;
  };

  /** Each operation with the caller that passes its guards (a probe that cannot execute: an unknown field / a bad id). */
  async function operations(): Promise<Array<{ method: string; template: string; op: Operation; caller: ApiClient | null; who: string }>> {
    const result = [];
    for (const [template, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const params = (op.parameters ?? []).filter((p) => p.in === 'path');
        const probe: Probe = {
          method,
          path: pathWith(template, params, params[0] ? [params[0].name, '0x2'] : undefined),
          query: params.length === 0 && !op.requestBody ? '__probe__=1' : undefined,
          body: op.requestBody?.content['application/json'] ? JSON.stringify({ __probe__: 1 }) : undefined,
          what: 'probe',
        };
        let chosen: { caller: ApiClient | null; who: string } = { caller: null, who: 'anonymous' };
        for (const [who, caller] of [['anonymous', null] as const, ...clients.entries()]) {
          const response = await send(caller, probe);
          chosen = { caller, who };
          if (response.status !== 401 && response.status !== 403) break;
        }
        result.push({ method, template, op, ...chosen });
      }
    }
    return result;
  }

  /** The malformed requests for one operation. */
  function probesFor(method: string, template: string, op: Operation): Probe[] {
    const probes: Probe[] = [];
    const params = (op.parameters ?? []).filter((p) => p.in === 'path');
    const queries = (op.parameters ?? []).filter((p) => p.in === 'query');
    const path = pathWith(template, params);
    for (const param of params) {
      for (const bad of BAD_IDS) probes.push({ method, path: pathWith(template, params, [param.name, bad]), what: `path ${param.name}=${bad.slice(0, 20)}` });
    }
    const queryBase = Object.fromEntries(queries.map((q) => [q.name, String(plausible(q.schema))]));
    const queryString = (values: Record<string, string>) =>
      Object.entries(values)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&');
    for (const q of queries) {
      const s = resolve(q.schema);
      const bads = ['\u0000', HUGE.slice(0, 3000), ...(s.type === 'number' || s.type === 'integer' ? ['abc', '0x2', '1e3', ' 1', '-1', '99999999999'] : []), ...(s.enum ? ['NOT_A_CHOICE'] : [])];
      for (const bad of bads) probes.push({ method, path, query: queryString({ ...queryBase, [q.name]: bad }), what: `query ${q.name}=${JSON.stringify(bad.slice(0, 20))}` });
    }
    const json = op.requestBody?.content['application/json'];
    if (json) {
      const deep = '{"a":'.repeat(2500) + '1' + '}'.repeat(2500);
      probes.push({ method, path, body: deep, what: 'body nested 2,500 deep' });
      for (const body of ['[]', 'null', '"text"', '12', '{"a":', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}']) {
        probes.push({ method, path, body, what: `body ${body}` });
      }
      const schema = resolve(json.schema);
      const base = plausible(schema) as Record<string, unknown>;
      for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
        for (const wrong of wrongTypes(fieldSchema)) {
          probes.push({ method, path, body: JSON.stringify({ ...base, [field]: wrong }), what: `body ${field}=${JSON.stringify(wrong).slice(0, 30)}` });
        }
        const s = resolve(fieldSchema);
        if (s.type === 'string' && !s.enum) {
          probes.push({ method, path, body: JSON.stringify({ ...base, [field]: HUGE }), what: `body ${field}=<20,000 characters>` });
          probes.push({ method, path, body: JSON.stringify({ ...base, [field]: '正常\u0000内容' }), what: `body ${field} with NUL` });
        }
        if (s.type === 'array') {
          probes.push({ method, path, body: JSON.stringify({ ...base, [field]: ['a\u0000'] }), what: `body ${field}[0] with NUL` });
        }
      }
      probes.push({ method, path, body: JSON.stringify({ ...base, ['\u0000x']: 1 }), what: 'body key with NUL' });
    }
    if (op.requestBody?.content['multipart/form-data']) {
      const part = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG';
      for (const [contentType, body, what] of [
        ['multipart/form-data', `${part}\r\n--x--\r\n`, 'multipart without boundary'],
        ['multipart/form-data; boundary=yyy', `${part}\r\n--x--\r\n`, 'multipart with the wrong boundary'],
        ['multipart/form-data; boundary=x', part, 'truncated multipart'],
        ['multipart/form-data; boundary=x', '\u0000\u0001garbage--x\r\n\r\n', 'garbage multipart'],
        ['application/json', '{"a":'.repeat(2500), 'deep JSON on an upload'],
      ]) {
        probes.push({ method, path, body, contentType, what });
      }
    }
    return probes;
  }

  it('answers every malformed request with a 4xx in the envelope, never a 5xx or a success', async () => {
    const failures: string[] = [];
    let sent = 0;
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(90);
    for (const { method, template, op, caller, who } of ops) {
      const probes = probesFor(method, template, op);
      // the unauthenticated caller gets the parsing-level probes too (deep JSON reaches even the login)
      const anonymousProbes = caller ? probes.filter((p) => p.what.startsWith('body nested') || p.what.startsWith('path')) : [];
      for (const [client, list, label] of [[caller, probes, who], [null, anonymousProbes, 'anonymous']] as const) {
        for (const probe of list) {
          sent++;
          const response = await send(client, probe);
          const body = response.body as { status?: number; code?: string; message?: string };
          const ok =
            response.status >= 400 &&
            response.status < 500 &&
            body?.status === response.status &&
            typeof body.code === 'string' &&
            ERROR_CODES.has(body.code) &&
            CHINESE.test(body.message ?? '');
          if (!ok) failures.push(`${method.toUpperCase()} ${template} as ${label}: ${probe.what} → ${response.status} ${response.text.slice(0, 120)}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });
});
