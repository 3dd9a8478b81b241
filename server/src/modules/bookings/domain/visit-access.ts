/** Who serves a booked visit: the one access place of the provider day plan. Pure. */
import { ProviderKind, Role } from '@gezhi/shared';

export interface VisitProvider {
  role: Role;
  gridId: number | null;
}

/**
 * A GRID_STAFF service is provided by the grid staff of the resident's home grid (the grid leader's account);
 * volunteer teams and partner organisations have no accounts yet, so their visits are on nobody's plan.
 */
export function providesVisit(user: VisitProvider, bookingGridId: number | null, providerKind: ProviderKind): boolean {
  return user.role === Role.GridLeader && user.gridId !== null && user.gridId === bookingGridId && providerKind === ProviderKind.GridStaff;
}
