import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, Permission } from '@gezhi/shared';
import { requireRole } from '../../access/require-access';
import { PERMISSION_KEY } from '../../access/requires.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { recordRoutePermission } from '../../common/http/request-log';
import { UsersService } from '../users/users.service';
import type { User } from '../users/user.entity';
import { PUBLIC_ROUTE } from './auth.decorators';
import { AuthKeys } from './keys/auth-keys';
import { verifyToken } from './token';

/**
 * Global guard: every route needs `Authorization: Bearer <token>` unless marked @Public().
 * The token's signature is verified statelessly; the user is then read by primary key (no cache) and the token
 * refused when its version is behind the user's (password changed) or the user is suspended — at once.
 * Then the role gate of the route's declared permission (`@Requires(Permission.X)`, see access/require-access.ts);
 * a route that declares none is refused (403 FORBIDDEN).
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

    // deny by default: a route that declares no permission is refused (test/access/access-gate.e2e-spec.ts names it)
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission) throw new DomainError(ErrorCode.Forbidden);
    recordRoutePermission(request, permission);
    requireRole(user, permission);
    return true;
  }
}
