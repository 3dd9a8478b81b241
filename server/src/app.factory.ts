import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { Logger, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorCode, LIMITS } from '@gezhi/shared';
import { FastifyInstance, FastifyReply, FastifyRequest, LogController } from 'fastify';
import * as fs from 'node:fs';
import { AppModule } from './app.module';
import type { Clock } from './common/clock';
import { envelopeFor } from './common/errors/error-envelope';
import { registerJsonBodyParser } from './common/http/json-body';
import { answerBeforeRouting, newRequestId, registerRequestLog } from './common/http/request-log';
import { registerSecurityHeaders } from './common/http/security-headers';
import { attachResponseSchemas } from './openapi/response-schemas';
import { createValidationPipe } from './common/http/validation';
import type { AppConfig } from './config/app-config';
import { DatabaseAvailability } from './database/database-availability';

/** Builds the whole HTTP application for a config; used by main.ts and by the e2e tests. */
export async function createApp(
  config: AppConfig,
  options: {
    logger?: LoggerService | LogLevel[] | false;
    clock?: Clock;
    /** where the request log (pino, JSON lines) goes instead of stdout; tests read it from here */
    logDestination?: NodeJS.WritableStream;
  } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // JSON bodies are small (the largest is a 1,000-character description); photos go through multipart
    bodyLimit: LIMITS.jsonMaxBytes,
    trustProxy: config.limits.trustProxy,
    ...httpServerOptions(config),
    logger: config.log.level === 'silent' && !options.logDestination ? false : { level: config.log.level, stream: options.logDestination ?? process.stdout },
    // one line per request, written by registerRequestLog, instead of fastify's two
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: newRequestId,
    requestIdHeader: false,
    routerOptions: { maxParamLength: LIMITS.pathParamMaxLength },
    // fastify's own answers to a URL it cannot route (a path parameter over maxParamLength, bad percent-encoding)
    // would echo the URL outside the envelope
    frameworkErrors: (_error: Error, request: FastifyRequest, reply: FastifyReply) =>
      answerBeforeRouting(request, reply, envelopeFor(ErrorCode.ValidationFailed)),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, { clock: options.clock }), adapter, {
    logger: options.logger ?? new Logger(),
    abortOnError: false,
    // the JSON parser is ours (acceptEmptyJsonBodies); Nest would register its own at init
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  registerJsonBodyParser(fastify);
  registerRequestLog(fastify);
  await registerSecurityHeaders(app, fastify, config.h5Dir);
  refuseWhileDatabaseUnavailable(fastify, app.get(DatabaseAvailability));

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
  // the answers' JSON Schemas, generated from the shared route table's response types (src/openapi)
  attachResponseSchemas(document);
  // off in production unless DOCS_ENABLED=true: the route list is a map for an attacker (GET /docs → 404)
  if (config.docsEnabled) SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });

  if (config.h5Dir && fs.existsSync(config.h5Dir)) await serveH5(app, fastify, config.h5Dir);
  return app;
}

/**
 * During a database outage (DatabaseAvailability) an /api request is answered 503 DATABASE_UNAVAILABLE at once
 * instead of waiting for its statement timeout; /health/live and the static H5 files do not need the database.
 */
function refuseWhileDatabaseUnavailable(fastify: FastifyInstance, database: DatabaseAvailability): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (database.available || !request.url.startsWith('/api/')) return;
    database.refused();
    const envelope = envelopeFor(ErrorCode.DatabaseUnavailable);
    await reply.status(envelope.status).header('Retry-After', '2').send({ ...envelope, retryAfterSeconds: 2 });
  });
}

/**
 * Timeouts against slow or stalled clients (config.http): headers within headersTimeoutMs, the whole request
 * within requestTimeoutMs, idle sockets and idle keep-alive connections closed. Node checks the header and request
 * timeouts every connectionsCheckingInterval (30 s by default, which let a slow-header client hold a socket ≥ 40 s).
 */
function httpServerOptions(config: AppConfig) {
  const { headersTimeoutMs, requestTimeoutMs, idleTimeoutMs, keepAliveTimeoutMs } = config.http;
  return {
    connectionTimeout: idleTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    requestTimeout: requestTimeoutMs,
    http: {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, Math.ceil(headersTimeoutMs / 2)),
    },
  };
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
