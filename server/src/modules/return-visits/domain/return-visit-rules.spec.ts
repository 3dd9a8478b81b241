import { ErrorCode, RequestStatus } from '@gezhi/shared';
import {
  assertReturnVisitDue,
  closesUnrated,
  isReturnVisitDue,
  returnVisitCutoff,
  unratedClosesAt,
  unreachableNote,
} from './return-visit-rules';

const policy = { afterDays: 3, unratedCloseDays: 7 };
const resolvedAt = new Date('2026-12-07T02:00:00Z');
const later = (hours: number) => new Date(resolvedAt.getTime() + hours * 3600_000);
const resolved = { status: RequestStatus.Resolved, resolvedAt };

describe('return-visit rules (回访)', () => {
  it('makes a resolved, unrated item 待回访 exactly when it has waited the period', () => {
    expect(isReturnVisitDue(resolved, later(72 - 1 / 60), policy)).toBe(false);
    expect(isReturnVisitDue(resolved, later(72), policy)).toBe(true);
    expect(returnVisitCutoff(later(72), policy)).toEqual(resolvedAt);
  });

  it('never lists items that are not waiting for a rating', () => {
    expect(isReturnVisitDue({ status: RequestStatus.Closed, resolvedAt }, later(100), policy)).toBe(false);
    expect(isReturnVisitDue({ status: RequestStatus.InProgress, resolvedAt: null }, later(100), policy)).toBe(false);
  });

  it('refuses a return visit before the period (the resident may still rate) and on an item no longer resolved', () => {
    expect(() => assertReturnVisitDue(resolved, later(10), policy)).toThrow(expect.objectContaining({ code: ErrorCode.ReturnVisitNotDue }));
    expect(() => assertReturnVisitDue({ status: RequestStatus.Closed, resolvedAt }, later(100), policy)).toThrow(
      expect.objectContaining({ code: ErrorCode.IllegalTransition }),
    );
    expect(() => assertReturnVisitDue(resolved, later(72), policy)).not.toThrow();
  });

  it('closes an unrated item after the longer period, not before', () => {
    expect(closesUnrated(resolved, later(7 * 24 - 1), policy)).toBe(false);
    expect(closesUnrated(resolved, later(7 * 24), policy)).toBe(true);
    expect(closesUnrated({ status: RequestStatus.Closed, resolvedAt }, later(1000), policy)).toBe(false);
    expect(unratedClosesAt(resolvedAt, policy)).toEqual(later(7 * 24));
  });

  it('writes the 联系不上 note with what staff said', () => {
    expect(unreachableNote(undefined)).toBe('电话回访未能联系上居民');
    expect(unreachableNote(' 无人接听 ')).toBe('电话回访未能联系上居民：无人接听');
  });
});
