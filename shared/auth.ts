import { type ReachGrant, ROLES, type Role } from './domain/access.ts';

// This file reads who signed in from their token; the roles and what each may reach are the access module's.

/** The signed-in professional, as the identity provider's token describes them. */
export interface Principal {
  userId: string;
  name?: string;
  roles: Role[];
  teams: string[];
  /** When they signed in (the token's `auth_time`, else `iat`), ISO 8601; a removal from a roster holds until a later sign-in. */
  signedInAt?: string;
  /** Set for a partner's machine client (an access token of the client-credentials grant): its client id. */
  partnerId?: string;
  /**
   * Set for a resident (v1.2 rule 18): signed in with DigiD through the city's broker, federated
   * into the user pool, which maps the broker's BSN into `custom:bsn` and names the broker in
   * `identities`. A principal of its own: no roles, no teams, and no professional's route.
   */
  residentBsn?: string;
  /** The break-glass grants in force (v1.2), which the HTTP pipeline reads for the interventieteam's members; never from the token. */
  grants?: readonly ReachGrant[];
}

/** The scope a partner's access token carries to send signals (a Cognito resource server `signals` with the scope `write`). */
export const SIGNALS_SCOPE = 'signals/write';

export type Claims = Record<string, unknown>;

/** Every Role is a string: widened so that includes() takes a group name, which may be any string. */
const KNOWN_ROLES: readonly string[] = ROLES;
const isRole = (group: string): group is Role => KNOWN_ROLES.includes(group);

/**
 * Cognito puts groups in `cognito:groups` as a JSON array; API Gateway's JWT authorizer
 * flattens array claims to a string such as `[intaker wijkcoach]`. Group names cannot hold
 * white space in Cognito, so the flattened form splits on spaces only: a group named
 * `intaker,teamleider` stays one (unknown) group and never grants two roles.
 */
function groupsClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value !== 'string') return [];
  const flattened = /^\[(.*)\]$/s.exec(value);
  if (!flattened) return value ? [value] : [];
  return (flattened[1] ?? '').split(' ').filter(Boolean);
}

/** `custom:teams` is one string attribute of team ids joined by commas (team ids hold no comma). */
function teamsClaim(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((team) => team.trim())
        .filter(Boolean),
    ),
  ];
}

export function principalFromClaims(claims: Claims): Principal | undefined {
  const userId = typeof claims.sub === 'string' ? claims.sub : undefined;
  if (!userId) return undefined;
  // A machine client: Cognito's access token of the client-credentials grant, with no groups and no person behind it.
  if (claims.token_use === 'access') {
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    const clientId = typeof claims.client_id === 'string' ? claims.client_id : undefined;
    return clientId && scopes.includes(SIGNALS_SCOPE) ? { userId: clientId, roles: [], teams: [], partnerId: clientId } : undefined;
  }
  const residentBsn = residentBsnOf(claims);
  if (residentBsn) return { userId, roles: [], teams: [], residentBsn };
  const roles = groupsClaim(claims['cognito:groups']).filter(isRole);
  const teams = teamsClaim(claims['custom:teams']);
  const principal: Principal = { userId, roles, teams };
  if (typeof claims.name === 'string' && claims.name) principal.name = claims.name;
  const signedIn = epochSeconds(claims.auth_time) ?? epochSeconds(claims.iat);
  if (signedIn !== undefined) principal.signedInAt = new Date(signedIn * 1000).toISOString();
  return principal;
}

/** The identity provider the city's DigiD broker is federated as (its name in the user pool, and in `identities`). */
export const RESIDENT_PROVIDER = 'DigiD';

/**
 * A resident's BSN: only on a token of a user the DigiD broker signed in, with the BSN the broker
 * gave. Cognito names a federated user `<provider>_<the provider's id>` (`cognito:username`, which
 * no one changes) and maps the broker's BSN into `custom:bsn` at each sign-in; a resident cannot change it, since
 * their tokens carry no `aws.cognito.signin.user.admin` scope (infra/city-stack.ts, the residents' client). A professional's token has
 * neither; a `custom:bsn` without the broker's username is not a resident (nor a role).
 */
function residentBsnOf(claims: Claims): string | undefined {
  const bsn = claims['custom:bsn'];
  const username = claims['cognito:username'];
  if (typeof bsn !== 'string' || !/^\d{9}$/.test(bsn)) return undefined;
  return typeof username === 'string' && username.startsWith(`${RESIDENT_PROVIDER}_`) ? bsn : undefined;
}

/** A numeric date claim, as the token holds it or as the gateway passes it on (a string). */
function epochSeconds(value: unknown): number | undefined {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : undefined;
  return seconds !== undefined && Number.isFinite(seconds) ? seconds : undefined;
}
