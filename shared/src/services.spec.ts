import { isValidSubcategory, RequestCategory } from './categories';
import { EligibilityMode, hasPriority, isEligible, ResidentTag, SERVICE_ASK_CATEGORY } from './services';

describe('service eligibility', () => {
  const only = { mode: EligibilityMode.OnlyTagged, tags: [ResidentTag.ElderlyAlone, ResidentTag.Disabled] };
  const priority = { mode: EligibilityMode.AllWithPriority, tags: [ResidentTag.ElderlyAlone] };
  const all = { mode: EligibilityMode.All, tags: [] };

  it('lets everyone book ALL and ALL_WITH_PRIORITY services', () => {
    expect(isEligible(all, [])).toBe(true);
    expect(isEligible(priority, [])).toBe(true);
  });

  it('restricts ONLY_TAGGED to residents with one of the tags', () => {
    expect(isEligible(only, [])).toBe(false);
    expect(isEligible(only, [ResidentTag.Veteran])).toBe(false);
    expect(isEligible(only, [ResidentTag.Disabled])).toBe(true);
  });

  it('gives priority to tagged residents only where the service names their tag', () => {
    expect(hasPriority(all, [ResidentTag.ElderlyAlone])).toBe(false);
    expect(hasPriority(priority, [ResidentTag.ElderlyAlone])).toBe(true);
    expect(hasPriority(priority, [ResidentTag.Disabled])).toBe(false);
  });
});

describe('service asks', () => {
  it('are filed in 民生服务 / 其他服务需求, a real category pair', () => {
    expect(SERVICE_ASK_CATEGORY.category).toBe(RequestCategory.Livelihood);
    expect(isValidSubcategory(SERVICE_ASK_CATEGORY.category, SERVICE_ASK_CATEGORY.subcategory)).toBe(true);
  });
});
