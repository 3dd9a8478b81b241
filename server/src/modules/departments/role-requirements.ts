import { SetMetadata } from '@nestjs/common';
import { ErrorCode, Role } from '@gezhi/shared';
import { ROLE_REQUIREMENT, RoleRequirement } from '../auth/auth.decorators';

/** Street officers only (they maintain the routing table and the street's whistle settings); others get 403 FORBIDDEN. */
export const StreetOfficerOnly = () =>
  SetMetadata(ROLE_REQUIREMENT, { roles: [Role.StreetOfficer], refusal: ErrorCode.Forbidden } satisfies RoleRequirement);

/** Department liaisons only (部门联络员); others get 403 FORBIDDEN. */
export const LiaisonOnly = () => SetMetadata(ROLE_REQUIREMENT, { roles: [Role.Liaison], refusal: ErrorCode.Forbidden } satisfies RoleRequirement);
