import { FieldErrorCode, isValidSubcategory, RequestCategory, RoutingRuleInput } from '@gezhi/shared';

/** A routing rule as the routing table sees it (the entity satisfies it). */
export interface RoutingRule {
  streetId: number;
  category: RequestCategory;
  subcategory: string | null;
  leadDepartmentId: number;
  assistDepartmentIds: number[];
}

export interface RoutedRequest {
  streetId: number;
  category: RequestCategory;
  subcategory: string;
}

/**
 * 派单建议: the rule for the request's street and category — one naming its exact subcategory wins over the
 * category-wide one (subcategory null). Returns null when the street has no rule for it (the officer picks).
 */
export function proposeDepartments<R extends RoutingRule>(rules: readonly R[], request: RoutedRequest): R | null {
  const candidates = rules.filter((r) => r.streetId === request.streetId && r.category === request.category);
  return candidates.find((r) => r.subcategory === request.subcategory) ?? candidates.find((r) => r.subcategory === null) ?? null;
}

/**
 * Checks a street's whole routing table before it replaces the old one: subcategories belong to their category,
 * every department serves the street, the lead is not also an assist, and no (category, subcategory) appears
 * twice. Returns field errors keyed `rules.<i>.<field>` (empty: valid). Shape errors are the DTO's job.
 */
export function validateRoutingTable(rules: readonly RoutingRuleInput[], streetDepartmentIds: ReadonlySet<number>): Record<string, FieldErrorCode> {
  const errors: Record<string, FieldErrorCode> = {};
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    const at = (field: string) => `rules.${i}.${field}`;
    const subcategory = rule.subcategory ?? null;
    if (subcategory !== null && !isValidSubcategory(rule.category, subcategory)) errors[at('subcategory')] = FieldErrorCode.InvalidSubcategory;
    const key = `${rule.category}/${subcategory ?? '*'}`;
    if (seen.has(key)) errors[at('category')] = FieldErrorCode.Duplicate;
    seen.add(key);
    if (!streetDepartmentIds.has(rule.leadDepartmentId)) errors[at('leadDepartmentId')] = FieldErrorCode.UnknownDepartment;
    const assists = rule.assistDepartmentIds ?? [];
    if (assists.some((id) => !streetDepartmentIds.has(id))) errors[at('assistDepartmentIds')] = FieldErrorCode.UnknownDepartment;
    else if (assists.includes(rule.leadDepartmentId)) errors[at('assistDepartmentIds')] = FieldErrorCode.Duplicate;
  });
  return errors;
}

/** The departments of one whistle: the lead must serve the street and not also be named as an assist. */
export function validateWhistleDepartments(
  body: { leadDepartmentId: number; assistDepartmentIds?: number[] },
  streetDepartmentIds: ReadonlySet<number>,
): Record<string, FieldErrorCode> {
  const errors: Record<string, FieldErrorCode> = {};
  const assists = body.assistDepartmentIds ?? [];
  if (!streetDepartmentIds.has(body.leadDepartmentId)) errors.leadDepartmentId = FieldErrorCode.UnknownDepartment;
  if (assists.some((id) => !streetDepartmentIds.has(id))) errors.assistDepartmentIds = FieldErrorCode.UnknownDepartment;
  else if (assists.includes(body.leadDepartmentId)) errors.assistDepartmentIds = FieldErrorCode.Duplicate;
  return errors;
}
