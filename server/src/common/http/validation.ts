import { ArgumentMetadata, Injectable, PipeTransform, ValidationPipe } from '@nestjs/common';
import { FieldErrorCode, LIMITS } from '@gezhi/shared';
import { Transform } from 'class-transformer';
import { DomainError } from '../errors/domain-error';
import { toFieldErrors } from '../errors/field-error-codes';
import { controlCharacterFields } from './control-characters';

/**
 * The global validation step for every body and query: refuses control characters in any string (one rule for
 * every text field, 400 `<field>` CONTROL_CHARACTER), then class-validator with whitelist + forbidNonWhitelisted
 * (unknown fields → UNKNOWN_FIELD), transform, field-level codes. Path parameters are left as the raw strings
 * they are, for the strict pipe of each route (`IdPipe`); the class-validator step would otherwise turn `0x2`
 * into 2 before the route's pipe sees it.
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) => DomainError.validation(toFieldErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param') return value;
    if (metadata.type === 'body' || metadata.type === 'query') {
      const fields = controlCharacterFields(value);
      if (fields.length > 0) {
        throw DomainError.validation(Object.fromEntries(fields.map((field) => [field, FieldErrorCode.ControlCharacter])));
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe();
}

const ID = /^[1-9]\d{0,9}$/;

/** An id as sent in a path or a query: digits only, 1 … 2^31 − 1 (no sign, spaces, hex, exponent or fraction). */
export function parseId(value: unknown): number | null {
  if (typeof value !== 'string' || !ID.test(value)) return null;
  const parsed = Number(value);
  return parsed <= LIMITS.idMax ? parsed : null;
}

/** The one pipe of every id path parameter (`:id`, `:slotId`, …); anything but a strict id is 400 with the parameter named. */
@Injectable()
export class IdPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    const id = parseId(value);
    if (id === null) throw DomainError.validation({ [metadata.data ?? 'id']: FieldErrorCode.InvalidFormat });
    return id;
  }
}

/**
 * An integer query parameter (ids, page, pageSize, days): only plain digits become a number; anything else (`0x1`,
 * `1e0`, ` 1`, `-1`) stays a string and fails the field's `@IsInt()` as INVALID_FORMAT. Replaces `@Type(() => Number)`,
 * which reads hex and exponents.
 */
export function QueryInt(): PropertyDecorator {
  return Transform(({ value }) => {
    if (typeof value !== 'string' || !/^\d{1,10}$/.test(value)) return value;
    const parsed = Number(value);
    return parsed <= LIMITS.idMax ? parsed : value;
  });
}
