import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { Logger, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorCode, LIMITS } from '@gezhi/shared';
import type { FastifyInstance } from 'fastify';
import * as fs from 'node:fs';
import { AppModule } from './app.module';
import type { Clock } from './common/clock';
import { envelopeFor } from './common/errors/error-envelope';
import { createValidationPipe } from './common/http/validation';
import type { AppConfig } from './config/app-config';

/** JSON bodies are small (the largest is a 1,000-character description); photos go through multipart. */
const JSON_BODY_LIMIT_BYTES = 64 * 1024;

/** Builds the whole HTTP application for a config; used by main.ts and by the e2e tests. */
export async function createApp(
  config: AppConfig,
  options: { logger?: LoggerService | LogLevel[] | false; clock?: Clock } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: JSON_BODY_LIMIT_BYTES, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, { clock: options.clock }), adapter, {
    logger: options.logger ?? new Logger(),
    abortOnError: false,
    // the JSON parser is ours (acceptEmptyJsonBodies); Nest would register its own at init
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  acceptEmptyJsonBodies(fastify);

  await app.register(fastifyMultipart as never, { limits: { fileSize: LIMITS.uploadMaxBytes, files: 1, fields: 5 } });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('格治 Gezhi API')
      .setDescription('Community grid governance: residents file requests, grid leaders handle them. Errors use ErrorEnvelope.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  // off in production unless DOCS_ENABLED=true: the route list is a map for an attacker (GET /docs → 404)
  if (config.docsEnabled) SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });

  if (config.h5Dir && fs.existsSync(config.h5Dir)) await serveH5(app, fastify, config.h5Dir);
  return app;
}

/**
 * wx.request labels every POST `application/json`, even a bodiless one (签收, 撤回, 标记已读); fastify would
 * refuse the empty body. An empty JSON body is read as `{}`; everything else goes through fastify's own
 * (prototype-poisoning-safe) JSON parser.
 */
function acceptEmptyJsonBodies(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, {});
    return parseJson(request, body as string, done);
  });
}

/** The H5 build, same-origin with the API; unknown non-API paths fall back to index.html (SPA routing). */
async function serveH5(app: NestFastifyApplication, fastify: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic as never, { root, prefix: '/', wildcard: false });
  const apiLike = /^\/(api|files|docs|health)(\/|$|\?)/;
  fastify.get('/*', (request, reply) => {
    if (apiLike.test(request.url)) return reply.status(404).send(envelopeFor(ErrorCode.RouteNotFound));
    return reply.type('text/html').sendFile('index.html');
  });
}
