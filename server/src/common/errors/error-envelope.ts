import { ERROR_MESSAGES, ErrorCode, ErrorEnvelope } from '@gezhi/shared';
import { randomUUID } from 'node:crypto';
import { isDatabaseUnavailable } from '../../database/database-errors';
import { isLockConflict } from '../../database/lock-conflicts';
import { DomainError, ERROR_STATUS } from './domain-error';

export interface MappedError {
  envelope: ErrorEnvelope;
  /** set for unexpected errors: log it with the errorId */
  unexpected?: unknown;
  /** set when the database did not answer (503): counted by the outage, not logged per request */
  databaseUnavailable?: unknown;
}

/** Errors raised by fastify itself (body parsing, content type) before any of our code runs. */
const FASTIFY_CLIENT_ERRORS: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ErrorCode.ValidationFailed,
  FST_ERR_CTP_EMPTY_JSON_BODY: ErrorCode.ValidationFailed,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ErrorCode.ValidationFailed,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ErrorCode.ValidationFailed,
  FST_ERR_CTP_BODY_TOO_LARGE: ErrorCode.PayloadTooLarge,
  FST_ERR_CTP_INVALID_TYPE: ErrorCode.ValidationFailed,
  FST_PROTO_VIOLATION: ErrorCode.ValidationFailed,
};

/** Codes for framework HTTP exceptions that carry only a status (e.g. Nest's "Cannot GET /x"). */
const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.RouteNotFound,
  405: ErrorCode.RouteNotFound,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.ValidationFailed,
};

export function envelopeFor(code: ErrorCode, status = ERROR_STATUS[code]): ErrorEnvelope {
  return { status, code, message: ERROR_MESSAGES[code] };
}

/**
 * The one place any thrown thing becomes the error envelope. Client mistakes never become a 500;
 * anything unrecognised becomes 500 INTERNAL with an errorId for the log.
 */
export function mapError(error: unknown): MappedError {
  if (error instanceof DomainError) {
    const envelope = envelopeFor(error.code, error.status);
    if (error.fieldErrors) envelope.errors = error.fieldErrors;
    if (error.userMessage) envelope.message = error.userMessage;
    if (error.retryAfterSeconds !== undefined) envelope.retryAfterSeconds = error.retryAfterSeconds;
    return { envelope };
  }
  const fastifyCode = (error as { code?: unknown })?.code;
  if (typeof fastifyCode === 'string' && FASTIFY_CLIENT_ERRORS[fastifyCode]) {
    const code = FASTIFY_CLIENT_ERRORS[fastifyCode];
    return { envelope: envelopeFor(code) };
  }
  // a conflict that outlived its retries (writeTransaction) or came from a write path without them: the client
  // may try again — 409, never a 500 (on Galera a certification failure surfaces as a deadlock at COMMIT)
  if (isLockConflict(error)) return { envelope: envelopeFor(ErrorCode.ConcurrentModification) };
  if (isDatabaseUnavailable(error)) {
    const envelope = envelopeFor(ErrorCode.DatabaseUnavailable);
    envelope.retryAfterSeconds = 2;
    return { envelope, databaseUnavailable: error };
  }
  const status = httpStatusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    return { envelope: envelopeFor(STATUS_CODES[status] ?? ErrorCode.ValidationFailed, status) };
  }
  const envelope = envelopeFor(ErrorCode.Internal);
  envelope.errorId = randomUUID();
  return { envelope, unexpected: error };
}

/** Nest HttpException exposes getStatus(); fastify errors carry statusCode. */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { getStatus?: () => number; statusCode?: unknown };
  if (typeof candidate.getStatus === 'function') return candidate.getStatus();
  return typeof candidate.statusCode === 'number' ? candidate.statusCode : undefined;
}
