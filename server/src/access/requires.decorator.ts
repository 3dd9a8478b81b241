import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@gezhi/shared';

export const PERMISSION_KEY = 'gezhi:permission';

/**
 * The permission a route (or every route of a controller) needs. Every route declares one, or @Public()
 * (test/access/route-permissions.e2e-spec.ts reads the OpenAPI document and fails on a route that declares
 * neither). The AuthGuard applies the permission's role gate; the service applies its rule on the target.
 */
export const Requires = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);
