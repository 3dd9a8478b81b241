import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { mapError } from '../errors/error-envelope';

/**
 * The single global filter: every exception — ours, class-validator's, fastify's body parsing, Nest's 404 —
 * leaves the API as an ErrorEnvelope. Unexpected errors are logged under their errorId.
 */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { envelope, unexpected } = mapError(exception);
    if (unexpected !== undefined) {
      this.logger.error(`errorId=${envelope.errorId} ${unexpected instanceof Error ? unexpected.stack : String(unexpected)}`);
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (envelope.retryAfterSeconds !== undefined) void reply.header('Retry-After', String(envelope.retryAfterSeconds));
    void reply.status(envelope.status).send(envelope);
  }
}
