/** The server's 400 field errors ({ "provider.name": "REQUIRED" }) placed next to the form's own fields. */
import { ApiError, errorMessage } from '../../../api/client';
import { fieldErrorMessage } from '../../../components/RequestForm/validation';

export interface PlacedErrors<F extends string> {
  /** form field → message shown under it */
  fields: Partial<Record<F, string>>;
  /** what fits no field of the form (「名称：必填」) or the error itself when it has no field errors */
  general: string[];
}

/**
 * `fieldOf` maps a server field path to the form field that shows it (null when none does); `labels` names
 * server fields for the general list.
 */
export function placeServerErrors<F extends string>(
  error: unknown,
  fieldOf: (serverField: string) => F | null,
  labels: Record<string, string> = {},
): PlacedErrors<F> {
  const placed: PlacedErrors<F> = { fields: {}, general: [] };
  const fieldErrors = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
  for (const [serverField, code] of fieldErrors) {
    if (!code) continue;
    const field = fieldOf(serverField);
    const message = fieldErrorMessage(code);
    if (field && !placed.fields[field]) placed.fields[field] = message;
    else if (!field) placed.general.push(`${labels[serverField] ?? serverField}：${message}`);
  }
  if (fieldErrors.length === 0) placed.general.push(errorMessage(error));
  return placed;
}

/** The form field for a server field path: an exact entry, or the entry of its first segment ("monthDays.0"). */
export function fieldMapper<F extends string>(map: Record<string, F>): (serverField: string) => F | null {
  return (serverField) => map[serverField] ?? map[serverField.split('.')[0]] ?? null;
}
