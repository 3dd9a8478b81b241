import { CATEGORIES, categoryLabel, isValidSubcategory, RequestCategory } from './categories';

describe('categories', () => {
  it('has exactly the six top-level categories of seed 004, each with sub-categories', () => {
    expect(CATEGORIES.map((c) => c.label)).toEqual([
      '基础设施维修',
      '民生服务',
      '环境整治',
      '矛盾调解',
      '特殊群体关怀',
      '文化活动',
    ]);
    for (const c of CATEGORIES) expect(c.subcategories.length).toBeGreaterThanOrEqual(3);
  });

  it('accepts a sub-category only under its own category', () => {
    expect(isValidSubcategory(RequestCategory.Infrastructure, 'LEAK')).toBe(true);
    expect(isValidSubcategory(RequestCategory.Environment, 'LEAK')).toBe(false);
    expect(isValidSubcategory('NOPE', 'LEAK')).toBe(false);
  });

  it('labels a category with its sub-category in Chinese', () => {
    expect(categoryLabel(RequestCategory.Infrastructure, 'LEAK')).toBe('基础设施维修 · 漏水渗水');
  });
});
