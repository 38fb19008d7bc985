/**
 * Sign-in with Cognito's managed login in the deployed client: the authorization code grant
 * with PKCE (RFC 7636), a public client with no secret in the browser. The verifier lives in
 * the tab's session storage between leaving for the login page and coming back with the code.
 */
export interface CognitoConfig {
  domain: string;
  clientId: string;
  redirectUri: string;
  /** The residents' client (v1.2): straight to the city's DigiD broker, federated under this name. */
  identityProvider?: string;
  /** The scopes asked; the residents' client takes `openid` only. Default `openid email profile`. */
  scope?: string;
}

const VERIFIER = 'wijkteams.pkce';
/** Where the sign-in began: the managed login returns to the client's one redirect URI, and the client goes on from here. */
const RETURN_TO = 'wijkteams.returnTo';

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** To the managed login; it comes back to the client with `?code=`. */
export async function startSignIn(config: CognitoConfig): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(RETURN_TO, location.pathname + location.search + location.hash);
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scope ?? 'openid email profile',
    ...(config.identityProvider ? { identity_provider: config.identityProvider } : {}),
    code_challenge_method: 'S256',
    code_challenge: await codeChallenge(verifier),
  });
  location.assign(`${config.domain}/oauth2/authorize?${query}`);
}

/**
 * Back from the managed login: the code exchanged for the ID token at the token endpoint, and
 * the client's path where the sign-in began (only a path of this origin); undefined when there is no code.
 */
export async function finishSignIn(config: CognitoConfig): Promise<{ token: string; returnTo: string } | undefined> {
  const code = new URLSearchParams(location.search).get('code');
  const verifier = sessionStorage.getItem(VERIFIER);
  if (!code || !verifier) return undefined;
  const stored = sessionStorage.getItem(RETURN_TO) ?? '/';
  const returnTo = stored.startsWith('/') && !stored.startsWith('//') ? stored : '/';
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(RETURN_TO);
  history.replaceState(null, '', location.pathname);
  const response = await fetch(`${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: config.redirectUri,
      code_verifier: verifier,
    }),
  });
  if (!response.ok) return undefined;
  const tokens = (await response.json()) as { id_token?: string };
  return tokens.id_token ? { token: tokens.id_token, returnTo } : undefined;
}

/** Signing out ends the managed login's session too. */
export function signOutUrl(config: CognitoConfig): string {
  return `${config.domain}/logout?${new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUri })}`;
}
