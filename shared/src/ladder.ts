import { HandlingLevel } from './enums';
import { Role } from './roles';

/**
 * The escalation ladder (上报): grid → community → street. The street is the top: it blows the whistle to
 * departments instead of escalating further (departments are not on the ladder). Defined once here; the server
 * escalates and authorises by it and the mini-program labels its buttons and draws the chain by it.
 */
export const ESCALATION_LADDER: readonly HandlingLevel[] = [HandlingLevel.Grid, HandlingLevel.Community, HandlingLevel.Street];

/** One level up (上报 goes there), or null at the top (the street) and for a level not on the ladder. */
export function levelAbove(level: HandlingLevel): HandlingLevel | null {
  const index = ESCALATION_LADDER.indexOf(level);
  return index >= 0 && index < ESCALATION_LADDER.length - 1 ? ESCALATION_LADDER[index + 1] : null;
}

/** The level that supervises `level` (督办, and approves 延期 asked there): the one above; null at the street. */
export function supervisorOf(level: HandlingLevel): HandlingLevel | null {
  return levelAbove(level);
}

const LEVEL_OF_ROLE: Partial<Record<Role, HandlingLevel>> = {
  [Role.GridLeader]: HandlingLevel.Grid,
  [Role.CommunityOfficer]: HandlingLevel.Community,
  [Role.StreetOfficer]: HandlingLevel.Street,
};

/** The handling level a staff role works at ("at their level" in the inbox); null for residents and liaisons. */
export function levelOfRole(role: Role): HandlingLevel | null {
  return LEVEL_OF_ROLE[role] ?? null;
}

/**
 * Whether a role works at the level that supervises `level` — the ladder half of who decides a 延期 asked at
 * `level` (the server also checks that the officer's scope covers the item).
 */
export function supervisesLevel(role: Role, level: HandlingLevel): boolean {
  const own = levelOfRole(role);
  return own !== null && own === supervisorOf(level);
}
