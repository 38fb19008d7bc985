import { forbidden } from './errors.ts';

export const ROLES = ['intaker', 'wijkcoach', 'teamleider', 'doorbraakteam', 'budgethouder', 'beheerder'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in professional, as the identity provider's token describes them. */
export interface Principal {
  userId: string;
  name?: string;
  roles: Role[];
  teams: string[];
}

export type Claims = Record<string, unknown>;

/**
 * Cognito puts groups in `cognito:groups` as a JSON array; API Gateway's JWT authorizer
 * flattens array claims to a string such as `[intaker wijkcoach]`. Both shapes are accepted,
 * and so is a comma-separated list.
 */
function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

export function principalFromClaims(claims: Claims): Principal | undefined {
  const userId = typeof claims.sub === 'string' ? claims.sub : undefined;
  if (!userId) return undefined;
  const roles = listClaim(claims['cognito:groups']).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const teams = [...new Set(listClaim(claims['custom:teams']))];
  const principal: Principal = { userId, roles, teams };
  if (typeof claims.name === 'string' && claims.name) principal.name = claims.name;
  return principal;
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}

export function requireAnyRole(principal: Principal, roles: readonly Role[]): void {
  if (!hasAnyRole(principal, roles)) throw forbidden(`This action needs one of the roles: ${roles.join(', ')}.`);
}

export function isMemberOfAny(principal: Principal, teams: readonly string[]): boolean {
  return principal.teams.some((team) => teams.includes(team));
}
