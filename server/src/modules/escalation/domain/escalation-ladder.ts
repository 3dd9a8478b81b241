import { DeadlineKind, HandlingLevel, levelAbove, supervisorOf } from '@gezhi/shared';

/**
 * 上报: grid → community → street (the ladder itself, `levelAbove` and `supervisorOf` are in shared/src/ladder.ts,
 * used by the mini-program too). The street is the top: a miss there is supervised red (督办) and the street blows
 * the whistle to departments instead of escalating further. This adds the server's deadline policy. Pure.
 */
export const EscalationLadder = {
  /** The level above, or null at the top (the street). */
  next(level: HandlingLevel): HandlingLevel | null {
    return levelAbove(level);
  },

  canEscalate(level: HandlingLevel): boolean {
    return EscalationLadder.next(level) !== null;
  },

  /** The level that supervises (and approves extensions for) `level`; null at the street. */
  supervisorOf(level: HandlingLevel): HandlingLevel | null {
    return supervisorOf(level);
  },

  /**
   * Whether missing a deadline escalates the item by itself: missing 签收 or 办结 below the street does;
   * a late first response is supervised only, and a department's late REPORT (部门报到) is supervised red and
   * recorded against the department but never moves the item (departments are not on the ladder, and the
   * street that whistled them is its top).
   */
  missEscalates(kind: DeadlineKind, level: HandlingLevel): boolean {
    return (kind === DeadlineKind.Accept || kind === DeadlineKind.Resolve) && EscalationLadder.canEscalate(level);
  },
};
