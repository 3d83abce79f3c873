import { SetMetadata } from '@nestjs/common';
import type { Role } from './request-context';

export const ACCESS = 'tally:access';

/**
 * Which roles may call a route. Without it: GET routes are open to `read` and `admin` tokens, every
 * other method to `admin` only. `public` needs no token at all (health checks, API docs).
 */
export type Access = 'public' | readonly Role[];

export const Public = () => SetMetadata(ACCESS, 'public' satisfies Access);
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS, roles satisfies Access);

/** Whether a token of `role` may call a route open to `allowed`: a system token is an admin too. */
export function mayCall(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role) || (role === 'system' && allowed.includes('admin'));
}
