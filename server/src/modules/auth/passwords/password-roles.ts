import { Role, STAFF_ROLES } from '@gezhi/shared';

/** Who may hold a password: staff and liaisons (residents sign in with WeChat only). */
export const PASSWORD_ROLES: readonly Role[] = [...STAFF_ROLES, Role.Liaison];

export function mayHavePassword(user: { role: Role; account: string | null }): boolean {
  return user.account !== null && PASSWORD_ROLES.includes(user.role);
}

/** Throttle key of an account name: what was typed, trimmed and lower-cased (hashed into login_backoff.accountKey, see login-throttle.ts). */
export function throttleKey(account: string): string {
  return account.trim().toLowerCase().slice(0, 200);
}
