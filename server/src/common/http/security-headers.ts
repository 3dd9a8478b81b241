import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX } from '@gezhi/shared';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The hashes of the inline scripts of the H5 build's index.html (Taro's rem script), so the CSP can allow exactly
 * them instead of 'unsafe-inline'.
 */
export function inlineScriptHashes(h5Dir: string | null): string[] {
  if (!h5Dir) return [];
  const index = path.join(h5Dir, 'index.html');
  if (!fs.existsSync(index)) return [];
  const html = fs.readFileSync(index, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`,
  );
}

/**
 * Security headers on every response (helmet): a CSP that lets the same-origin H5 build and Swagger UI (/docs)
 * run — scripts from 'self' plus the hashed inline script of index.html, inline styles (Taro and Swagger UI set
 * them), images from 'self', data: and blob: (photo previews), connections to 'self' and blob: (the H5 upload reads
 * the picked photo from its blob: URL) — and nothing from elsewhere; no
 * upgrade-insecure-requests (the demo runs on plain http on a LAN address). And `Cache-Control: no-store` on every
 * /api response that did not choose its own caching: they carry personal data (names, phones, addresses).
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, fastify: FastifyInstance, h5Dir: string | null): Promise<void> {
  await app.register(fastifyHelmet as never, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(h5Dir)],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // the H5 upload (Taro.uploadFile) reads the picked photo from its blob: URL before posting it
        connectSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // photos are fetched by the WeChat client and shown by the H5 build; both are same-site or not browsers
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const apiPrefix = `${API_PREFIX}/`;
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith(apiPrefix) && !reply.hasHeader('Cache-Control')) void reply.header('Cache-Control', 'no-store');
    done(null, payload);
  });
}
