import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ErrorCode, Role, STAFF_ROLES } from '@gezhi/shared';
import type { User } from '../users/user.entity';

export const PUBLIC_ROUTE = 'gezhi:public';
export const ROLE_REQUIREMENT = 'gezhi:roles';

export interface RoleRequirement {
  roles: readonly Role[];
  /** the error code when the caller's role is not among `roles` */
  refusal: ErrorCode;
}

/** No token needed. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Grid leaders, community and street officers; anyone else gets 403 NOT_STAFF. */
export const StaffOnly = () =>
  SetMetadata(ROLE_REQUIREMENT, { roles: STAFF_ROLES, refusal: ErrorCode.NotStaff } satisfies RoleRequirement);

/** Residents only; anyone else gets 403 FORBIDDEN. */
export const ResidentOnly = () =>
  SetMetadata(ROLE_REQUIREMENT, { roles: [Role.Resident], refusal: ErrorCode.Forbidden } satisfies RoleRequirement);

/** The signed-in user, loaded by the AuthGuard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): User => context.switchToHttp().getRequest<{ user: User }>().user,
);
