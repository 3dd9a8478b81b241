import { FieldErrorCode, RequestCategory } from '@gezhi/shared';
import { proposeDepartments, RoutingRule, validateRoutingTable, validateWhistleDepartments } from './routing-table';

// departments of street 1: 3 城管执法中队, 6 交警中队, 7 自来水公司, 9 物业服务中心, 2 司法所
const CITY = 3;
const TRAFFIC = 6;
const WATER = 7;
const PROPERTY = 9;
const JUSTICE = 2;

const rule = (category: RequestCategory, subcategory: string | null, lead: number, assists: number[] = [], streetId = 1): RoutingRule => ({
  streetId,
  category,
  subcategory,
  leadDepartmentId: lead,
  assistDepartmentIds: assists,
});

const TABLE: RoutingRule[] = [
  rule(RequestCategory.Environment, 'PARKING', CITY, [TRAFFIC]),
  rule(RequestCategory.Environment, null, CITY),
  rule(RequestCategory.Infrastructure, 'LEAK', PROPERTY, [WATER]),
  rule(RequestCategory.Infrastructure, null, PROPERTY),
  rule(RequestCategory.Dispute, null, JUSTICE, [], 2),
];

describe('proposeDepartments', () => {
  it('proposes city management to lead and traffic police to assist for cars parked in the lane (环境整治·乱停乱放)', () => {
    expect(proposeDepartments(TABLE, { streetId: 1, category: RequestCategory.Environment, subcategory: 'PARKING' })).toMatchObject({
      leadDepartmentId: CITY,
      assistDepartmentIds: [TRAFFIC],
    });
  });

  it('proposes the property company to lead and the water company to assist for a leak (基础设施维修·漏水)', () => {
    expect(proposeDepartments(TABLE, { streetId: 1, category: RequestCategory.Infrastructure, subcategory: 'LEAK' })).toMatchObject({
      leadDepartmentId: PROPERTY,
      assistDepartmentIds: [WATER],
    });
  });

  it('falls back to the category-wide rule when no rule names the subcategory', () => {
    expect(proposeDepartments(TABLE, { streetId: 1, category: RequestCategory.Environment, subcategory: 'ADVERTISING' })).toMatchObject({
      leadDepartmentId: CITY,
      assistDepartmentIds: [],
    });
  });

  it('prefers the subcategory rule even when the category-wide rule comes first', () => {
    const reordered = [TABLE[1], TABLE[0]];
    expect(proposeDepartments(reordered, { streetId: 1, category: RequestCategory.Environment, subcategory: 'PARKING' })?.assistDepartmentIds).toEqual([
      TRAFFIC,
    ]);
  });

  it("never proposes another street's departments, and proposes nothing without a rule", () => {
    expect(proposeDepartments(TABLE, { streetId: 1, category: RequestCategory.Dispute, subcategory: 'NEIGHBOUR' })).toBeNull();
    expect(proposeDepartments(TABLE, { streetId: 2, category: RequestCategory.Dispute, subcategory: 'NOISE' })?.leadDepartmentId).toBe(JUSTICE);
  });
});

describe('validateRoutingTable', () => {
  const street = new Set([CITY, TRAFFIC, WATER, PROPERTY]);

  it('accepts a consistent table', () => {
    expect(validateRoutingTable(TABLE.slice(0, 4), street)).toEqual({});
  });

  it('names each broken rule field: foreign department, subcategory of another category, lead also assisting, duplicates', () => {
    expect(
      validateRoutingTable(
        [
          { category: RequestCategory.Environment, subcategory: 'LEAK', leadDepartmentId: CITY },
          { category: RequestCategory.Infrastructure, subcategory: 'LEAK', leadDepartmentId: 99 },
          { category: RequestCategory.Infrastructure, subcategory: 'LEAK', leadDepartmentId: PROPERTY, assistDepartmentIds: [PROPERTY] },
          { category: RequestCategory.Culture, leadDepartmentId: CITY, assistDepartmentIds: [42] },
        ],
        street,
      ),
    ).toEqual({
      'rules.0.subcategory': FieldErrorCode.InvalidSubcategory,
      'rules.1.leadDepartmentId': FieldErrorCode.UnknownDepartment,
      'rules.2.category': FieldErrorCode.Duplicate,
      'rules.2.assistDepartmentIds': FieldErrorCode.Duplicate,
      'rules.3.assistDepartmentIds': FieldErrorCode.UnknownDepartment,
    });
  });
});

describe('validateWhistleDepartments', () => {
  const street = new Set([CITY, TRAFFIC]);

  it('refuses a lead of another street and a lead named again as assist', () => {
    expect(validateWhistleDepartments({ leadDepartmentId: CITY, assistDepartmentIds: [TRAFFIC] }, street)).toEqual({});
    expect(validateWhistleDepartments({ leadDepartmentId: 99 }, street)).toEqual({ leadDepartmentId: FieldErrorCode.UnknownDepartment });
    expect(validateWhistleDepartments({ leadDepartmentId: CITY, assistDepartmentIds: [CITY] }, street)).toEqual({
      assistDepartmentIds: FieldErrorCode.Duplicate,
    });
  });
});
