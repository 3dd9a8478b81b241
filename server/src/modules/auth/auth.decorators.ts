import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { User } from '../users/user.entity';

export const PUBLIC_ROUTE = 'gezhi:public';

/** No token needed (the only alternative to declaring a permission: `@Requires(Permission.X)`, access/). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The signed-in user, loaded by the AuthGuard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): User => context.switchToHttp().getRequest<{ user: User }>().user,
);
