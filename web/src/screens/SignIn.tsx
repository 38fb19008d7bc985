import { Button, Heading, Paragraph } from '../nlds.tsx';
import { type Session, saveSession } from '../session.ts';
import { t } from '../texts.ts';
import { ErrorAlert, Loading, useLoad } from '../ui.tsx';

interface DemoProfessional {
  id: string;
  name: string;
  roles: string[];
  teamName: string | null;
}

/**
 * Local mode only: the city's demo professionals, one per role and team, each signing in
 * with a token from the local identity provider. The deployed client signs in with Cognito.
 */
export function SignIn({ cityName, onSignedIn }: { cityName: string; onSignedIn: (session: Session) => void }) {
  const professionals = useLoad(async () => {
    const response = await fetch('/local/professionals');
    if (!response.ok) throw new Error(String(response.status));
    return (await response.json()) as DemoProfessional[];
  }, '');
  const signIn = async (id: string) => {
    const response = await fetch('/local/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id }),
    });
    const { token } = (await response.json()) as { token: string };
    onSignedIn(saveSession(token));
  };
  const byTeam = new Map<string, DemoProfessional[]>();
  for (const p of professionals.data ?? [])
    byTeam.set(p.teamName ?? t.signIn.noTeam, [...(byTeam.get(p.teamName ?? t.signIn.noTeam) ?? []), p]);
  return (
    <div className="wt-stack">
      <Heading level={1}>
        {t.signIn.title} {cityName}
      </Heading>
      <Paragraph>{t.signIn.intro}</Paragraph>
      {professionals.loading && <Loading />}
      <ErrorAlert error={professionals.error} />
      {[...byTeam].map(([team, people]) => (
        <section key={team} className="wt-stack">
          <Heading level={2} appearance={4}>
            {team}
          </Heading>
          <div className="wt-actions">
            {people.map((p) => (
              <Button key={p.id} appearance="secondary-action-button" onClick={() => void signIn(p.id)}>
                {p.name}, {p.roles.map((role) => t.roles[role] ?? role).join(' en ')}
              </Button>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
