import { ErrorCode, FieldErrorCode } from '@gezhi/shared';
import { DomainError } from './domain-error';
import { mapError } from './error-envelope';

describe('mapError', () => {
  it('keeps the code, status and field errors of a domain error with the Chinese message', () => {
    const { envelope } = mapError(DomainError.validation({ description: FieldErrorCode.Required }));
    expect(envelope).toEqual({
      status: 400,
      code: ErrorCode.ValidationFailed,
      message: '提交的内容有误，请检查后重试',
      errors: { description: FieldErrorCode.Required },
    });
  });

  it('maps malformed JSON from fastify to a 400, never a 500', () => {
    const error = Object.assign(new SyntaxError('Unexpected token'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 });
    expect(mapError(error).envelope.status).toBe(400);
  });

  it('maps a body over the size limit to 413', () => {
    const error = Object.assign(new Error('too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(mapError(error).envelope).toMatchObject({ status: 413, code: ErrorCode.PayloadTooLarge });
  });

  it('maps a transaction that lost a lock race to 409 CONCURRENT_MODIFICATION, never a 500 (the one rule every write path relies on)', () => {
    const lost = [
      Object.assign(new Error('Deadlock found when trying to get lock'), { errno: 1213, code: 'ER_LOCK_DEADLOCK' }),
      Object.assign(new Error('Lock wait timeout exceeded'), { errno: 1205, code: 'ER_LOCK_WAIT_TIMEOUT' }),
      Object.assign(new Error('QueryFailedError'), { driverError: { code: 'SQLITE_BUSY' } }),
    ];
    for (const error of lost) {
      const mapped = mapError(error);
      expect(mapped.envelope).toMatchObject({ status: 409, code: ErrorCode.ConcurrentModification });
      expect(mapped.unexpected).toBeUndefined();
    }
  });

  it('maps a framework 404 to ROUTE_NOT_FOUND', () => {
    const notFound = { getStatus: () => 404, message: 'Cannot GET /nope' };
    expect(mapError(notFound).envelope.code).toBe(ErrorCode.RouteNotFound);
  });

  it('turns anything unknown into 500 INTERNAL with an error id and hands the error back for logging', () => {
    const boom = new TypeError('x is undefined');
    const mapped = mapError(boom);
    expect(mapped.envelope).toMatchObject({ status: 500, code: ErrorCode.Internal });
    expect(mapped.envelope.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(mapped.unexpected).toBe(boom);
  });
});
