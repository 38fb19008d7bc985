/**
 * Who is signed in: the token, and what its claims say about roles and teams (for what the
 * screens offer; the API decides what is allowed). Kept for the browser tab only. A session is
 * an `Actor` of `#shared/domain/access.ts`: the screens ask that module what it may see and do.
 */
export interface Session {
  token: string;
  userId: string;
  name: string;
  roles: string[];
  teams: string[];
}

const KEY = 'wijkteams.session';

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
}

export function sessionFromToken(token: string): Session {
  const claims = claimsOf(token);
  const groups = claims['cognito:groups'];
  const teams = claims['custom:teams'];
  return {
    token,
    userId: String(claims.sub ?? ''),
    name: typeof claims.name === 'string' ? claims.name : String(claims.sub ?? ''),
    roles: Array.isArray(groups) ? groups.map(String) : [],
    teams: typeof teams === 'string' ? teams.split(',').filter(Boolean) : [],
  };
}

export function loadSession(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  if (!token) return undefined;
  try {
    const session = sessionFromToken(token);
    const exp = claimsOf(token).exp;
    if (typeof exp === 'number' && exp * 1000 < Date.now()) return undefined;
    return session;
  } catch {
    return undefined;
  }
}

export function saveSession(token: string): Session {
  sessionStorage.setItem(KEY, token);
  return sessionFromToken(token);
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
