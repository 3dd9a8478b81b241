import { HandlingLevel, Role } from '@gezhi/shared';

/** The level a staff role works at (the server's levelOfRole). */
export const LEVEL_OF_ROLE: Partial<Record<Role, HandlingLevel>> = {
  [Role.GridLeader]: HandlingLevel.Grid,
  [Role.CommunityOfficer]: HandlingLevel.Community,
  [Role.StreetOfficer]: HandlingLevel.Street,
};

const LADDER = [HandlingLevel.Grid, HandlingLevel.Community, HandlingLevel.Street];

/** One level up (上报 goes there; it also approves 延期 asked at `level`); null at the street. */
export function levelAbove(level: HandlingLevel): HandlingLevel | null {
  return LADDER[LADDER.indexOf(level) + 1] ?? null;
}
