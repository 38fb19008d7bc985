import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { RESIDENT_PROVIDER, SIGNALS_SCOPE } from '#shared/auth.ts';
import { PROJECT_ROOT } from '../project-root.ts';

/**
 * A stand-in for the city's Cognito user pool: one signing key pair, kept in `.local/` so that
 * `npm run token` and `npm start` agree without talking to each other. Tokens look like
 * Cognito ID tokens and are verified the way API Gateway's JWT authorizer verifies them:
 * signature, issuer, audience, expiry (required), not-before, and an issue time that is not
 * in the future.
 */
export const LOCAL_ISSUER = 'https://cognito-idp.local/wijkteams';
export const LOCAL_AUDIENCE = 'wijkteams-local-web-client';
const ALG = 'ES256';
const KEY_ID = 'wijkteams-local-1';
/** Clock skew tolerated on `iat`, `nbf` and `exp`, as between two honest machines. */
const CLOCK_SKEW_SECONDS = 60;

export const DEFAULT_IDP_KEY_FILE = resolve(PROJECT_ROOT, '.local/idp-key.json');

export interface LocalIdp {
  sign(
    claims: IdTokenClaims,
    options?: {
      /** `null` leaves `exp` out (a token the authorizer refuses). */
      expiresInSeconds?: number | null;
      issuer?: string;
      audience?: string;
      notBefore?: number;
      /** Seconds since the epoch; default now. */
      issuedAt?: number;
    },
  ): Promise<string>;
  /**
   * An access token as Cognito issues it to a partner's machine client (client-credentials
   * grant): `client_id`, `scope`, `token_use: access`, no audience, no groups.
   */
  signPartner(clientId: string, options?: { scope?: string; expiresInSeconds?: number }): Promise<string>;
  /**
   * A resident's ID token as the user pool gives it after a DigiD sign-in through the city's
   * broker (the stand-in for that federation): `cognito:username` names the provider, the BSN is
   * in `custom:bsn`; no groups, no teams. The same BSN is always the same user, under an id that
   * does not give the BSN away (a keyed hash: professionals see a resident's id in the log).
   * `username` forges another `cognito:username` (tests of the guard: a BSN claim without the broker).
   */
  signResident(bsn: string, options?: { name?: string; expiresInSeconds?: number; username?: string }): Promise<string>;
  /** The verified claims, or undefined for any token the authorizer would refuse. */
  verify(token: string): Promise<JWTPayload | undefined>;
}

export interface IdTokenClaims {
  sub: string;
  /** Seconds since the epoch of the sign-in; default the token's issue time. */
  authTime?: number;
  name?: string;
  roles: string[];
  teams?: string[];
}

async function loadOrCreateKey(file: string | null): Promise<JWK> {
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  return jwk;
}

/** `keyFile` null: a key that lives only as long as this process (tests). */
export async function localIdp(keyFile: string | null = DEFAULT_IDP_KEY_FILE): Promise<LocalIdp> {
  const privateJwk = await loadOrCreateKey(keyFile);
  const { d: _private, ...publicJwk } = privateJwk;
  const privateKey = await importJWK(privateJwk, ALG);
  const publicKey = await importJWK(publicJwk, ALG);
  return {
    async sign(claims, options = {}) {
      const payload: JWTPayload = {
        'cognito:groups': claims.roles,
        // As Cognito: the moment of sign-in, kept when tokens are refreshed.
        auth_time: claims.authTime ?? options.issuedAt ?? Math.floor(Date.now() / 1000),
        token_use: 'id',
        ...(claims.teams && claims.teams.length > 0 ? { 'custom:teams': claims.teams.join(',') } : {}),
        ...(claims.name ? { name: claims.name } : {}),
      };
      const jwt = new SignJWT(payload)
        .setProtectedHeader({ alg: ALG, kid: KEY_ID, typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuer(options.issuer ?? LOCAL_ISSUER)
        .setAudience(options.audience ?? LOCAL_AUDIENCE)
        .setIssuedAt(options.issuedAt);
      if (options.expiresInSeconds !== null) jwt.setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 3600));
      if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
      return jwt.sign(privateKey);
    },
    async signResident(bsn, options = {}) {
      // Keyed by the local signing key: 10^9 BSNs are too few for a plain hash to hide one.
      const subject = `resident-${createHmac('sha256', privateJwk.d ?? '')
        .update(bsn)
        .digest('hex')
        .slice(0, 24)}`;
      return new SignJWT({
        token_use: 'id',
        'cognito:username': options.username ?? `${RESIDENT_PROVIDER}_${subject}`,
        'custom:bsn': bsn,
        auth_time: Math.floor(Date.now() / 1000),
        ...(options.name ? { name: options.name } : {}),
      })
        .setProtectedHeader({ alg: ALG, kid: KEY_ID, typ: 'JWT' })
        .setSubject(subject)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 3600))
        .sign(privateKey);
    },
    async signPartner(clientId, options = {}) {
      return new SignJWT({ token_use: 'access', client_id: clientId, scope: options.scope ?? SIGNALS_SCOPE })
        .setProtectedHeader({ alg: ALG, kid: KEY_ID, typ: 'JWT' })
        .setSubject(clientId)
        .setIssuer(LOCAL_ISSUER)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 3600))
        .sign(privateKey);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer: LOCAL_ISSUER,
          algorithms: [ALG],
          requiredClaims: ['exp'],
          clockTolerance: CLOCK_SKEW_SECONDS,
        });
        // As API Gateway's JWT authorizer: an ID token's `aud`, or an access token's `client_id`, is one of the pool's clients.
        const audience = payload.token_use === 'access' ? payload.client_id : payload.aud;
        if (audience !== LOCAL_AUDIENCE && !(payload.token_use === 'access' && typeof payload.client_id === 'string')) return undefined;
        // The authorizer refuses a token issued in the future; jose checks iat only for a maximum age.
        if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) return undefined;
        return payload;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * API Gateway hands verified claims to the function as strings, and flattens arrays to
 * `[a b]`; local mode does the same, so handlers meet one shape everywhere.
 */
export function claimsAsApiGatewayPassesThem(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]),
  );
}
