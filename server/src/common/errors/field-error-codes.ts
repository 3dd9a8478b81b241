import { FieldErrorCode } from '@gezhi/shared';
import type { ValidationError } from 'class-validator';

/** class-validator constraint name → our field code. Earlier entries win when a field breaks several rules. */
const CONSTRAINT_CODES: ReadonlyArray<[string, FieldErrorCode]> = [
  ['whitelistValidation', FieldErrorCode.UnknownField],
  ['isDefined', FieldErrorCode.Required],
  ['isNotEmpty', FieldErrorCode.Required],
  ['isEnum', FieldErrorCode.InvalidEnum],
  ['isIn', FieldErrorCode.InvalidEnum],
  ['isSubcategoryOf', FieldErrorCode.InvalidSubcategory],
  ['arrayMaxSize', FieldErrorCode.TooMany],
  ['maxLength', FieldErrorCode.TooLong],
  ['minLength', FieldErrorCode.TooShort],
  // a query integer that is not plain digits (`0x1`, `1e0`, `-1`) stays a string: its format is wrong, not its range
  ['isInt', FieldErrorCode.InvalidFormat],
  ['min', FieldErrorCode.OutOfRange],
  ['max', FieldErrorCode.OutOfRange],
];

/** Turns class-validator's error tree into `{ field: code }`, nested fields as `parent.child`. */
export function toFieldErrors(errors: ValidationError[], parentPath = ''): Record<string, FieldErrorCode> {
  const result: Record<string, FieldErrorCode> = {};
  for (const error of errors) {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    if (error.constraints && Object.keys(error.constraints).length > 0) {
      result[field] = codeForConstraints(Object.keys(error.constraints));
    }
    if (error.children?.length) Object.assign(result, toFieldErrors(error.children, field));
  }
  return result;
}

function codeForConstraints(names: string[]): FieldErrorCode {
  for (const [constraint, code] of CONSTRAINT_CODES) {
    if (names.includes(constraint)) return code;
  }
  return FieldErrorCode.InvalidFormat;
}
