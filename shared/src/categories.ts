/**
 * The six top-level request categories from seed 004 (东篱社区), each with a few sub-categories.
 * Codes are stable identifiers stored in the database; labels are what residents see.
 */
export enum RequestCategory {
  Infrastructure = 'INFRASTRUCTURE',
  Livelihood = 'LIVELIHOOD',
  Environment = 'ENVIRONMENT',
  Dispute = 'DISPUTE',
  SpecialGroups = 'SPECIAL_GROUPS',
  Culture = 'CULTURE',
}

export interface SubcategoryDefinition {
  code: string;
  label: string;
}

export interface CategoryDefinition {
  code: RequestCategory;
  label: string;
  subcategories: readonly SubcategoryDefinition[];
}

export const CATEGORIES: readonly CategoryDefinition[] = [
  {
    code: RequestCategory.Infrastructure,
    label: '基础设施维修',
    subcategories: [
      { code: 'LEAK', label: '漏水渗水' },
      { code: 'ELEVATOR', label: '电梯故障' },
      { code: 'LIGHTING', label: '楼道照明' },
      { code: 'ROAD', label: '道路破损' },
      { code: 'FACILITY', label: '公共设施损坏' },
    ],
  },
  {
    code: RequestCategory.Livelihood,
    label: '民生服务',
    subcategories: [
      { code: 'EMPLOYMENT', label: '就业帮扶' },
      { code: 'SOCIAL_SECURITY', label: '社保医保' },
      { code: 'PROXY', label: '代办事项' },
      { code: 'OTHER_SERVICE', label: '其他服务需求' },
    ],
  },
  {
    code: RequestCategory.Environment,
    label: '环境整治',
    subcategories: [
      { code: 'CLUTTER', label: '楼道堆物' },
      { code: 'PARKING', label: '乱停乱放' },
      { code: 'SANITATION', label: '垃圾卫生' },
      { code: 'ADVERTISING', label: '小广告' },
      { code: 'GREENERY', label: '绿化养护' },
    ],
  },
  {
    code: RequestCategory.Dispute,
    label: '矛盾调解',
    subcategories: [
      { code: 'NEIGHBOUR', label: '邻里纠纷' },
      { code: 'FAMILY', label: '家庭矛盾' },
      { code: 'PROPERTY_MGMT', label: '物业纠纷' },
      { code: 'NOISE', label: '噪音扰民' },
    ],
  },
  {
    code: RequestCategory.SpecialGroups,
    label: '特殊群体关怀',
    subcategories: [
      { code: 'ELDERLY', label: '独居老人' },
      { code: 'DISABLED', label: '残疾人帮扶' },
      { code: 'HARDSHIP', label: '困难家庭' },
      { code: 'VETERANS', label: '退役军人' },
    ],
  },
  {
    code: RequestCategory.Culture,
    label: '文化活动',
    subcategories: [
      { code: 'VENUE', label: '活动场地' },
      { code: 'EVENT', label: '活动建议' },
      { code: 'VOLUNTEER', label: '志愿服务' },
    ],
  },
];

export function findCategory(code: string): CategoryDefinition | undefined {
  return CATEGORIES.find((c) => c.code === code);
}

export function isValidSubcategory(category: string, subcategory: string): boolean {
  return findCategory(category)?.subcategories.some((s) => s.code === subcategory) ?? false;
}

export function categoryLabel(category: string, subcategory?: string): string {
  const def = findCategory(category);
  if (!def) return category;
  const sub = subcategory ? def.subcategories.find((s) => s.code === subcategory) : undefined;
  return sub ? `${def.label} · ${sub.label}` : def.label;
}
