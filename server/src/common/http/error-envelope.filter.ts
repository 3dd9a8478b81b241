import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseAvailability } from '../../database/database-availability';
import { DomainError } from '../errors/domain-error';
import { mapError } from '../errors/error-envelope';
import { recordOutcome } from './request-log';

/**
 * The single global filter: every exception — ours, class-validator's, fastify's body parsing, Nest's 404 —
 * leaves the API as an ErrorEnvelope. Unexpected errors are logged with their stack under their errorId and the
 * request's reqId (the request's own log line carries the same ids, see request-log.ts).
 */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly database: DatabaseAvailability) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { envelope, unexpected, databaseUnavailable } = mapError(exception);
    const request = host.switchToHttp().getRequest<FastifyRequest | undefined>();
    // an outage is logged once with a count (DatabaseAvailability), not once per request. A client that hung up
    // mid-body (ECONNRESET "aborted" from the body stream, e.g. cut off by HTTP_REQUEST_TIMEOUT_MS) is not one.
    const clientGone = request?.raw?.readableAborted === true || request?.raw?.socket?.destroyed === true;
    if (databaseUnavailable !== undefined && !clientGone) this.database.refused(databaseUnavailable);
    const access = exception instanceof DomainError ? exception.access : undefined;
    if (request) recordOutcome(request, { code: envelope.code, errorId: envelope.errorId, ...access });
    if (unexpected !== undefined) {
      const log = request?.log as (FastifyRequest['log'] & { isLevelEnabled?: (level: string) => boolean }) | undefined;
      if (log?.isLevelEnabled?.('error')) {
        log.error({ errorId: envelope.errorId, err: unexpected }, 'unexpected error');
      } else {
        this.logger.error(`errorId=${envelope.errorId} ${unexpected instanceof Error ? unexpected.stack : String(unexpected)}`);
      }
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (envelope.retryAfterSeconds !== undefined) void reply.header('Retry-After', String(envelope.retryAfterSeconds));
    void reply.status(envelope.status).send(envelope);
  }
}
