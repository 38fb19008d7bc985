import { Button, Heading, Paragraph } from '../../components/nlds.tsx';
import { ErrorAlert, Loading, useLoad } from '../../components/ui.tsx';
import { t } from '../../lib/texts.ts';
import { type DemoProfessional, demoSignIn, getDemoProfessionals } from './api.ts';
import { type Session, saveSession } from './session.ts';

/**
 * Local mode only: the city's demo professionals, one per role and team, each signing in
 * with a token from the local identity provider. The deployed client signs in with Cognito.
 */
export function SignIn({ cityName, onSignedIn }: { cityName: string; onSignedIn: (session: Session) => void }) {
  const professionals = useLoad(getDemoProfessionals, '');
  const signIn = async (id: string) => {
    onSignedIn(saveSession(await demoSignIn(id)));
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
