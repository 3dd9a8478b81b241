import { API_PREFIX, API_ROUTES, type AnyApiRoute, type RouteName } from '@gezhi/shared';
import type { OpenAPIObject } from '@nestjs/swagger';
import generated from './response-schemas.json';

/**
 * The answers' JSON Schemas in the OpenAPI document. They are generated from the shared response types of the route
 * table (shared/src/routes.ts) by server/scripts/write-response-schemas.js — not re-declared here as decorated
 * classes — and attached to each route's 2xx response when the document is built (app.factory.ts). The document is
 * OpenAPI 3.1, whose schema objects are JSON Schema, so they go in as generated (`type: ['string', 'null']`).
 */
export interface ResponseSchemas {
  responses: Partial<Record<RouteName, Record<string, unknown>>>;
  schemas: Record<string, Record<string, unknown>>;
}

export const RESPONSE_SCHEMAS = generated as unknown as ResponseSchemas;

/** `/requests/:id` of the table → `/api/requests/{id}` of the document. */
export function documentPathOf(route: Pick<AnyApiRoute, 'path' | 'underApi'>): string {
  return `${route.underApi === false ? '' : API_PREFIX}${route.path.replace(/:(\w+)/g, '{$1}')}`;
}

type Operation = { responses?: Record<string, { description?: string; content?: Record<string, unknown> }> };

/** Adds the response schemas to `document` (in place); answers the routes of the table the document lacks. */
export function attachResponseSchemas(document: OpenAPIObject, schemas: ResponseSchemas = RESPONSE_SCHEMAS): string[] {
  document.openapi = '3.1.0';
  document.components = document.components ?? {};
  const components = (document.components.schemas ?? {}) as Record<string, unknown>;
  for (const schema of Object.values(components)) toJsonSchemaNullable(schema);
  Object.assign(components, schemas.schemas);
  document.components.schemas = components as NonNullable<OpenAPIObject['components']>['schemas'];
  const missing: string[] = [];
  for (const [name, route] of Object.entries(API_ROUTES) as [RouteName, AnyApiRoute][]) {
    const operation = (document.paths[documentPathOf(route)] as Record<string, Operation> | undefined)?.[route.method.toLowerCase()];
    if (!operation) {
      missing.push(`${route.method} ${documentPathOf(route)}`);
      continue;
    }
    const schema = schemas.responses[name];
    if (!schema) continue;
    const status = Object.keys(operation.responses ?? {}).find((code) => /^2\d\d$/.test(code)) ?? '200';
    operation.responses = operation.responses ?? {};
    const response = operation.responses[status] ?? { description: '' };
    response.content = { 'application/json': { schema } };
    operation.responses[status] = response;
  }
  return missing;
}

/** OpenAPI 3.0's `nullable: true` (what @nestjs/swagger writes for DTOs) in 3.1's words: `type: [type, 'null']`. */
function toJsonSchemaNullable(schema: unknown): void {
  if (!schema || typeof schema !== 'object') return;
  const node = schema as Record<string, unknown>;
  if (node.nullable === true && typeof node.type === 'string') {
    node.type = [node.type, 'null'];
    delete node.nullable;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach(toJsonSchemaNullable);
    else toJsonSchemaNullable(value);
  }
}
