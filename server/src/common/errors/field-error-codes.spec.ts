import { FieldErrorCode } from '@gezhi/shared';
import { ArrayMaxSize, IsEnum, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, validateSync } from 'class-validator';
import type { ValidationError } from 'class-validator';
import { toFieldErrors } from './field-error-codes';

enum Colour {
  Red = 'RED',
}

class Sample {
  @IsNotEmpty()
  @IsString()
  @MaxLength(5)
  name: unknown;

  @IsEnum(Colour)
  colour: unknown;

  @ArrayMaxSize(2)
  tags: unknown;

  @IsInt()
  @Min(1)
  @Max(5)
  score: unknown;
}

function validate(values: Partial<Sample>): Record<string, FieldErrorCode> {
  return toFieldErrors(validateSync(Object.assign(new Sample(), values)));
}

describe('toFieldErrors', () => {
  const valid = { name: 'ok', colour: 'RED', tags: [], score: 3 };

  it('reports a missing value as REQUIRED even though other rules fail too', () => {
    expect(validate({ ...valid, name: undefined })).toEqual({ name: FieldErrorCode.Required });
  });

  it('reports a string over the limit as TOO_LONG', () => {
    expect(validate({ ...valid, name: '123456' })).toEqual({ name: FieldErrorCode.TooLong });
  });

  it('reports a value outside an enum as INVALID_ENUM', () => {
    expect(validate({ ...valid, colour: 'BLUE' })).toEqual({ colour: FieldErrorCode.InvalidEnum });
  });

  it('reports too many array items as TOO_MANY and a number out of range as OUT_OF_RANGE', () => {
    expect(validate({ ...valid, tags: [1, 2, 3], score: 6 })).toEqual({
      tags: FieldErrorCode.TooMany,
      score: FieldErrorCode.OutOfRange,
    });
  });

  it('reports a wrong type as INVALID_FORMAT', () => {
    expect(validate({ ...valid, score: 2.5 })).toEqual({ score: FieldErrorCode.InvalidFormat });
  });

  it('reports a field the whitelist does not know as UNKNOWN_FIELD', () => {
    const unknown: ValidationError = { property: 'role', constraints: { whitelistValidation: 'property role should not exist' }, children: [] };
    expect(toFieldErrors([unknown])).toEqual({ role: FieldErrorCode.UnknownField });
  });

  it('names nested fields with a dotted path', () => {
    const nested: ValidationError = {
      property: 'contact',
      children: [{ property: 'phone', constraints: { isNotEmpty: 'x' }, children: [] }],
    };
    expect(toFieldErrors([nested])).toEqual({ 'contact.phone': FieldErrorCode.Required });
  });
});
