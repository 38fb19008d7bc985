/**
 * The local demo sign-in (local mode only, outside `/v1`): the city's demo professionals, and a
 * token for the one chosen from the local identity provider.
 */
export interface DemoProfessional {
  id: string;
  name: string;
  roles: string[];
  teamName: string | null;
}

export async function getDemoProfessionals(): Promise<DemoProfessional[]> {
  const response = await fetch('/local/professionals');
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as DemoProfessional[];
}

/** The token of the demo professional `id`. */
export async function demoSignIn(id: string): Promise<string> {
  const response = await fetch('/local/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id }),
  });
  const { token } = (await response.json()) as { token: string };
  return token;
}
