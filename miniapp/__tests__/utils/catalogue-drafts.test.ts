import { EligibilityMode, ProviderKind, RecurrenceKind, ResidentTag, ServiceKind } from '@gezhi/shared';
import { emptyDraft, serviceBody, serviceFieldOf, validateServiceDraft } from '../../src/subpackages/staff/catalogue/service-draft';
import {
  capacityProblem,
  emptyRuleDraft,
  oneOffBody,
  ruleBody,
  validateOneOffDraft,
  validateRuleDraft,
} from '../../src/subpackages/staff/catalogue/slot-drafts';

describe('service draft', () => {
  const filled = () => ({ ...emptyDraft(), name: '便民包', kind: ServiceKind.Bundle, providerKind: ProviderKind.VolunteerTeam, providerName: '志愿服务队' });

  it('asks for 2–6 components of a bundle', () => {
    expect(validateServiceDraft({ ...filled(), bundleServiceIds: [1] }).bundleServiceIds).toBe('请选择 2–6 项组合服务');
    expect(validateServiceDraft({ ...filled(), bundleServiceIds: [1, 2] })).toEqual({});
  });

  it('keeps documents and components only for their kinds and drops the tags of ALL', () => {
    const body = serviceBody({
      ...filled(),
      kind: ServiceKind.Appointment,
      requiredDocuments: ['身份证'],
      bundleServiceIds: [1, 2],
      tags: [ResidentTag.Veteran],
      coordinatorUserId: 31,
    });
    expect(body).toMatchObject({ requiredDocuments: [], bundleServiceIds: [], eligibility: { mode: EligibilityMode.All, tags: [] } });
    expect(body.provider).toEqual({ kind: ProviderKind.VolunteerTeam, name: '志愿服务队', coordinatorUserId: 31 });
    expect(serviceBody({ ...filled(), providerKind: ProviderKind.GridStaff, coordinatorUserId: 31 }).provider.coordinatorUserId).toBeNull();
  });

  it('refuses a duration outside the limits', () => {
    expect(validateServiceDraft({ ...filled(), bundleServiceIds: [1, 2], durationMinutes: '2' }).durationMinutes).toBe('请填写 5–480 之间的分钟数');
    expect(validateServiceDraft({ ...filled(), bundleServiceIds: [1, 2], durationMinutes: '1.5' }).durationMinutes).toBeTruthy();
  });

  it("places the server's nested field errors on the form's fields", () => {
    expect(serviceFieldOf('provider.name')).toBe('providerName');
    expect(serviceFieldOf('eligibility.tags')).toBe('tags');
    expect(serviceFieldOf('provider')).toBe('providerKind');
    expect(serviceFieldOf('version')).toBeNull();
  });
});

describe('slot drafts', () => {
  it('checks a capacity against the limits and the places booked', () => {
    expect(capacityProblem('')).toBe('请填写每场人数');
    expect(capacityProblem('0')).toBe('每场人数应在 1–1000 之间');
    expect(capacityProblem('4', 5)).toBe('不能少于已预约的 5 人');
    expect(capacityProblem('5', 5)).toBeNull();
  });

  it('needs days of the chosen kind and an end after the start', () => {
    const weekly = { ...emptyRuleDraft(), kind: RecurrenceKind.Weekly, monthDays: [9], capacity: '8', startTime: '20:30', endTime: '18:30' };
    expect(validateRuleDraft(weekly)).toEqual({ days: '请选择每周的星期', endTime: '结束时间应晚于开始时间' });
  });

  it('sends only the days of its kind and the dates given', () => {
    const draft = { ...emptyRuleDraft(), kind: RecurrenceKind.Weekly, monthDays: [9], weekdays: [6, 1], capacity: '8', validUntil: '2027-06-30' };
    expect(ruleBody(draft)).toEqual({
      kind: RecurrenceKind.Weekly,
      weekdays: [1, 6],
      startTime: '08:30',
      endTime: '11:30',
      capacity: 8,
      skipHolidays: true,
      validUntil: '2027-06-30',
    });
  });

  it('turns a one-off date and time into the Asia/Shanghai instant, in the future only', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(validateOneOffDraft({ date: '2026-12-01', time: '07:59', capacity: '3' }, now)).toEqual({ startsAt: '开始时间应晚于现在' });
    expect(validateOneOffDraft({ date: '2026-12-09', time: '08:30', capacity: '3' }, now)).toEqual({});
    expect(oneOffBody({ date: '2026-12-09', time: '08:30', capacity: '3' })).toEqual({ startsAt: '2026-12-09T00:30:00.000Z', capacity: 3 });
  });
});
