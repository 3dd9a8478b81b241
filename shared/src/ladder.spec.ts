import { HandlingLevel } from './enums';
import { ESCALATION_LADDER, levelAbove, levelOfRole, supervisesLevel, supervisorOf } from './ladder';
import { Role } from './roles';

describe('the escalation ladder', () => {
  it('goes grid → community → street and stops at the street', () => {
    expect(ESCALATION_LADDER).toEqual([HandlingLevel.Grid, HandlingLevel.Community, HandlingLevel.Street]);
    expect(levelAbove(HandlingLevel.Grid)).toBe(HandlingLevel.Community);
    expect(levelAbove(HandlingLevel.Community)).toBe(HandlingLevel.Street);
    expect(levelAbove(HandlingLevel.Street)).toBeNull();
  });

  it('has the level above supervise, and nobody above the street', () => {
    expect(supervisorOf(HandlingLevel.Grid)).toBe(HandlingLevel.Community);
    expect(supervisorOf(HandlingLevel.Community)).toBe(HandlingLevel.Street);
    expect(supervisorOf(HandlingLevel.Street)).toBeNull();
  });

  it('puts each staff role at its level, and residents and liaisons at none', () => {
    expect(levelOfRole(Role.GridLeader)).toBe(HandlingLevel.Grid);
    expect(levelOfRole(Role.CommunityOfficer)).toBe(HandlingLevel.Community);
    expect(levelOfRole(Role.StreetOfficer)).toBe(HandlingLevel.Street);
    expect(levelOfRole(Role.Resident)).toBeNull();
    expect(levelOfRole(Role.Liaison)).toBeNull();
  });

  it('lets the role one level up decide, never the same level, a level further up, or a liaison', () => {
    expect(supervisesLevel(Role.CommunityOfficer, HandlingLevel.Grid)).toBe(true);
    expect(supervisesLevel(Role.StreetOfficer, HandlingLevel.Community)).toBe(true);
    expect(supervisesLevel(Role.GridLeader, HandlingLevel.Grid)).toBe(false);
    expect(supervisesLevel(Role.StreetOfficer, HandlingLevel.Grid)).toBe(false);
    expect(supervisesLevel(Role.StreetOfficer, HandlingLevel.Street)).toBe(false);
    expect(supervisesLevel(Role.Liaison, HandlingLevel.Street)).toBe(false);
  });
});
