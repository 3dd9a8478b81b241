import { DeadlineKind, HandlingLevel } from '@gezhi/shared';
import { EscalationLadder } from './escalation-ladder';

describe('EscalationLadder', () => {
  it('goes grid → community → street and stops there', () => {
    expect(EscalationLadder.next(HandlingLevel.Grid)).toBe(HandlingLevel.Community);
    expect(EscalationLadder.next(HandlingLevel.Community)).toBe(HandlingLevel.Street);
    expect(EscalationLadder.next(HandlingLevel.Street)).toBeNull();
    expect(EscalationLadder.canEscalate(HandlingLevel.Street)).toBe(false);
  });

  it('has the next level supervise (and approve extensions)', () => {
    expect(EscalationLadder.supervisorOf(HandlingLevel.Grid)).toBe(HandlingLevel.Community);
    expect(EscalationLadder.supervisorOf(HandlingLevel.Street)).toBeNull();
  });

  it('escalates by itself only for missed accept and resolve below the street', () => {
    expect(EscalationLadder.missEscalates(DeadlineKind.Accept, HandlingLevel.Grid)).toBe(true);
    expect(EscalationLadder.missEscalates(DeadlineKind.Resolve, HandlingLevel.Community)).toBe(true);
    expect(EscalationLadder.missEscalates(DeadlineKind.Resolve, HandlingLevel.Street)).toBe(false);
    expect(EscalationLadder.missEscalates(DeadlineKind.FirstResponse, HandlingLevel.Grid)).toBe(false);
    expect(EscalationLadder.missEscalates(DeadlineKind.Report, HandlingLevel.Street)).toBe(false);
  });

  it('never escalates for a department\'s missed report (督办 only), whatever level whistled it', () => {
    for (const level of [HandlingLevel.Grid, HandlingLevel.Community, HandlingLevel.Street]) {
      expect(EscalationLadder.missEscalates(DeadlineKind.Report, level)).toBe(false);
    }
  });
});
