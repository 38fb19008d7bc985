/**
 * The resident signed in with DigiD (v1.2): their token, for this browser tab only, kept apart
 * from a professional's session so that neither is ever sent on the other's routes. What they
 * may see is the API's to decide: the token carries no roles.
 */
const KEY = 'wijkteams.resident';

export interface ResidentSession {
  token: string;
}

function expiry(token: string): number | undefined {
  try {
    const payload = token.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp : undefined;
  } catch {
    return undefined;
  }
}

export function loadResidentSession(): ResidentSession | undefined {
  const token = sessionStorage.getItem(KEY);
  if (!token) return undefined;
  const exp = expiry(token);
  if (exp === undefined || exp * 1000 < Date.now()) return undefined;
  return { token };
}

export function saveResidentSession(token: string): ResidentSession {
  sessionStorage.setItem(KEY, token);
  return { token };
}

export function clearResidentSession(): void {
  sessionStorage.removeItem(KEY);
}
