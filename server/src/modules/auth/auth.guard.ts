import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@gezhi/shared';
import { DomainError } from '../../common/errors/domain-error';
import { UsersService } from '../users/users.service';
import type { User } from '../users/user.entity';
import { PUBLIC_ROUTE, ROLE_REQUIREMENT, RoleRequirement } from './auth.decorators';
import { AuthKeys } from './keys/auth-keys';
import { verifyToken } from './token';

/**
 * Global guard: every route needs `Authorization: Bearer <token>` unless marked @Public().
 * The token's signature is verified statelessly; the user is then read by primary key (no cache) and the token
 * refused when its version is behind the user's (password changed) or the user is suspended — at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersService,
    private readonly keys: AuthKeys,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: User }>();
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new DomainError(ErrorCode.Unauthenticated);
    const check = verifyToken(token, this.keys.tokenSecret);
    if (!check.valid) throw new DomainError(ErrorCode.Unauthenticated);
    const user = await this.users.findSignedIn(check.payload.sub);
    if (!user || user.suspendedAt !== null || check.payload.ver !== user.tokenVersion) throw new DomainError(ErrorCode.Unauthenticated);
    request.user = user;

    const requirement = this.reflector.getAllAndOverride<RoleRequirement | undefined>(ROLE_REQUIREMENT, targets);
    if (requirement && !requirement.roles.includes(user.role)) throw new DomainError(requirement.refusal);
    return true;
  }
}
