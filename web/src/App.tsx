import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { type CognitoConfig, finishSignIn, signOutUrl, startSignIn } from './cognito.ts';
import { Button, Heading } from './nlds.tsx';
import { matchPath, useRouter } from './router.tsx';
import { Caseload } from './screens/Caseload.tsx';
import { Dossier } from './screens/Dossier.tsx';
import { EscalationDetail, EscalationQueue, EscalationRequest } from './screens/Escalations.tsx';
import { IntakeForm } from './screens/IntakeForm.tsx';
import { PlanEditor } from './screens/Plan.tsx';
import { Precedents } from './screens/Precedents.tsx';
import { Privacy } from './screens/Privacy.tsx';
import { SignalDetail, SignalQueue } from './screens/Signals.tsx';
import { SignIn } from './screens/SignIn.tsx';
import { Triage } from './screens/Triage.tsx';
import { Worklist } from './screens/Worklist.tsx';
import { clearSession, hasRole, loadSession, type Session, saveSession } from './session.ts';
import { t } from './texts.ts';
import { Loading, ScreenLink } from './ui.tsx';

/** What the server tells the client about its city (GET /config.json): locally the demo sign-in, deployed the managed login. */
export type ClientConfig = { city: string; cityName: string } & ({ signIn: 'local' } | { signIn: 'cognito'; cognito: CognitoConfig });

const TEAM_WORK = ['intaker', 'wijkcoach', 'teamleider'];

/** The figures come with a charting library: loaded when the screen opens, not with the first load. */
const Figures = lazy(() => import('./screens/Figures.tsx').then((m) => ({ default: m.Figures })));

export function App() {
  const { path, navigate } = useRouter();
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [config, setConfig] = useState<ClientConfig>();
  useEffect(() => {
    fetch('/config.json')
      .then((r) => r.json() as Promise<ClientConfig>)
      .then(async (loaded) => {
        setConfig(loaded);
        if (loaded.signIn !== 'cognito' || loadSession()) return;
        const token = await finishSignIn(loaded.cognito);
        if (token) setSession(saveSession(token));
        else await startSignIn(loaded.cognito);
      })
      .catch(() => setConfig({ city: '', cityName: '', signIn: 'local' }));
  }, []);
  useEffect(() => {
    document.title = config?.cityName ? `${t.app} ${config.cityName}` : t.app;
  }, [config]);

  if (!session && config?.signIn === 'cognito') return <main className="wt-main" id="inhoud" aria-busy="true" />;
  if (!session)
    return (
      <main className="wt-main" id="inhoud">
        <SignIn
          cityName={config?.cityName ?? ''}
          onSignedIn={(s) => {
            setSession(s);
            navigate('/');
          }}
        />
      </main>
    );

  const screens: { pattern: string; render: (p: Record<string, string>) => ReactNode }[] = [
    { pattern: '/', render: () => <Worklist /> },
    { pattern: '/aanmelden', render: () => <IntakeForm session={session} /> },
    { pattern: '/aanmeldingen/:id/triage', render: (p) => <Triage intakeId={p.id ?? ''} session={session} /> },
    { pattern: '/caseload', render: () => <Caseload session={session} /> },
    { pattern: '/huishoudens/:id', render: (p) => <Dossier householdId={p.id ?? ''} session={session} /> },
    { pattern: '/huishoudens/:id/privacy', render: (p) => <Privacy householdId={p.id ?? ''} /> },
    { pattern: '/huishoudens/:id/plan', render: (p) => <PlanEditor householdId={p.id ?? ''} /> },
    { pattern: '/huishoudens/:id/doorbraak', render: (p) => <EscalationRequest householdId={p.id ?? ''} /> },
    { pattern: '/doorbraken', render: () => <EscalationQueue /> },
    { pattern: '/doorbraken/:id', render: (p) => <EscalationDetail escalationId={p.id ?? ''} session={session} /> },
    { pattern: '/precedenten', render: () => <Precedents /> },
    {
      pattern: '/cijfers',
      render: () => (
        <Suspense fallback={<Loading />}>
          <Figures session={session} />
        </Suspense>
      ),
    },
    { pattern: '/signalen', render: () => <SignalQueue session={session} /> },
    { pattern: '/signalen/:id', render: (p) => <SignalDetail signalId={p.id ?? ''} /> },
  ];
  const match = screens.flatMap((screen) => {
    const params = matchPath(screen.pattern, path);
    return params ? [{ screen, params }] : [];
  })[0];
  const nav = [
    { to: '/', label: t.nav.worklist, show: true },
    { to: '/aanmelden', label: t.nav.intake, show: hasRole(session, ...TEAM_WORK) },
    { to: '/caseload', label: t.nav.caseload, show: hasRole(session, ...TEAM_WORK) },
    { to: '/doorbraken', label: t.nav.escalations, show: hasRole(session, 'doorbraakteam', 'budgethouder') },
    { to: '/signalen', label: t.nav.signals, show: hasRole(session, ...TEAM_WORK) },
    { to: '/precedenten', label: t.nav.precedents, show: hasRole(session, ...TEAM_WORK, 'doorbraakteam', 'budgethouder') },
    { to: '/cijfers', label: t.nav.figures, show: hasRole(session, 'beheerder', 'teamleider') },
  ].filter((item) => item.show);

  return (
    <>
      <a className="wt-skip" href="#inhoud">
        {t.skipToContent}
      </a>
      <header className="wt-header">
        <Heading level={2} appearance={4}>
          {t.app} {config?.cityName}
        </Heading>
        <nav className="wt-nav" aria-label={t.nav.label}>
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <ScreenLink to={item.to} current={matchPath(item.to, path) !== undefined}>
                  {item.label}
                </ScreenLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="wt-actions">
          <span>
            {session.name} ({session.roles.map((role) => t.roles[role] ?? role).join(', ')})
          </span>
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              clearSession();
              setSession(undefined);
              if (config?.signIn === 'cognito') location.assign(signOutUrl(config.cognito));
              else navigate('/');
            }}
          >
            {t.signOut}
          </Button>
        </div>
      </header>
      <main className="wt-main wt-stack" id="inhoud">
        {match ? match.screen.render(match.params) : <Heading level={1}>{t.notFound}</Heading>}
      </main>
    </>
  );
}
