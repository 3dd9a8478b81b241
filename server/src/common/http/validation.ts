import { ArgumentMetadata, Injectable, PipeTransform, ValidationPipe } from '@nestjs/common';
import { FieldErrorCode } from '@gezhi/shared';
import { DomainError } from '../errors/domain-error';
import { toFieldErrors } from '../errors/field-error-codes';

/** whitelist + forbidNonWhitelisted (unknown fields → UNKNOWN_FIELD), transform, field-level codes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => DomainError.validation(toFieldErrors(errors)),
  });
}

/** A positive integer path parameter such as `:id`; anything else is a 400 with the field named. */
@Injectable()
export class PositiveIntPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const parsed = Number(value);
    if (!/^\d{1,15}$/.test(value) || !Number.isSafeInteger(parsed) || parsed < 1) {
      throw DomainError.validation({ [metadata.data ?? 'id']: FieldErrorCode.InvalidFormat });
    }
    return parsed;
  }
}
