import { ErrorCode, LIMITS } from '@gezhi/shared';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors/domain-error';

/**
 * How deep objects and arrays nest in a JSON text, counted on the raw string before parsing (brackets inside
 * strings do not count). Stops as soon as `max` is exceeded. Linear and without recursion, so a 64 KB body of
 * `[[[[…` costs microseconds and never reaches JSON.parse or class-transformer (whose recursion overflows the stack).
 */
export function exceedsJsonDepth(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}

/**
 * The JSON body parser: bodies nested deeper than LIMITS.jsonMaxDepth → 400 BODY_TOO_DEEP (the size is bounded by
 * fastify's bodyLimit, LIMITS.jsonMaxBytes → 413 PAYLOAD_TOO_LARGE). wx.request labels every POST
 * `application/json`, even a bodiless one (签收, 撤回, 标记已读); an empty body is read as `{}`. Everything else
 * goes through fastify's own (prototype-poisoning-safe) parser.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, {});
    if (exceedsJsonDepth(text, LIMITS.jsonMaxDepth)) return done(new DomainError(ErrorCode.BodyTooDeep), undefined);
    return parseJson(request, text, done);
  });
}
