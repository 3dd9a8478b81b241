/** Who a user is in the system. A user has exactly one role; staff roles carry a scope (grid, community, street, department). */
export enum Role {
  /** 居民 */
  Resident = 'RESIDENT',
  /** 网格长 / 网格员: works the inbox of one grid */
  GridLeader = 'GRID_LEADER',
  /** 社区工作人员 (e.g. the community secretary as second-level grid leader) */
  CommunityOfficer = 'COMMUNITY_OFFICER',
  /** 街道工作人员: blows the whistle */
  StreetOfficer = 'STREET_OFFICER',
  /** 部门联络员 */
  Liaison = 'LIAISON',
}

export const ROLE_LABELS: Record<Role, string> = {
  [Role.Resident]: '居民',
  [Role.GridLeader]: '网格长',
  [Role.CommunityOfficer]: '社区工作人员',
  [Role.StreetOfficer]: '街道工作人员',
  [Role.Liaison]: '部门联络员',
};

export const STAFF_ROLES: readonly Role[] = [Role.GridLeader, Role.CommunityOfficer, Role.StreetOfficer];

export function isStaffRole(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
