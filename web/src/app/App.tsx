import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { breaksGlass, CASE_PROFESSIONALS, CITY_WIDE, FIGURE_READERS, hasAnyRole, TEAM_WORKERS } from '#shared/domain/access.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { Heading } from '../components/nlds.tsx';
import { Loading } from '../components/ui.tsx';
import { type CognitoConfig, finishSignIn, signOutUrl, startSignIn } from '../features/auth/cognito.ts';
import { SignIn } from '../features/auth/SignIn.tsx';
import { clearSession, loadSession, type Session, saveSession } from '../features/auth/session.ts';
import { BreakGlass } from '../features/break-glass/BreakGlass.tsx';
import { GrantReviews } from '../features/break-glass/GrantReviews.tsx';
import { EscalationDetail } from '../features/escalations/EscalationDetail.tsx';
import { EscalationQueue } from '../features/escalations/EscalationQueue.tsx';
import { EscalationRequest } from '../features/escalations/EscalationRequest.tsx';
import { Caseload } from '../features/households/Caseload.tsx';
import { Dossier } from '../features/households/Dossier.tsx';
import { IntakeForm } from '../features/intake/IntakeForm.tsx';
import { Triage } from '../features/intake/Triage.tsx';
import { Notifications } from '../features/notifications/Notifications.tsx';
import { useNotifications } from '../features/notifications/useNotifications.ts';
import { PlanEditor } from '../features/plan/PlanEditor.tsx';
import { PrintPlan } from '../features/plan/PrintPlan.tsx';
import { Precedents } from '../features/precedents/Precedents.tsx';
import { ExportDocument } from '../features/privacy/ExportDocument.tsx';
import { Privacy } from '../features/privacy/Privacy.tsx';
import { SignalDetail } from '../features/signals/SignalDetail.tsx';
import { SignalQueue } from '../features/signals/SignalQueue.tsx';
import { TeamWork } from '../features/worklist/TeamWork.tsx';
import { Worklist } from '../features/worklist/Worklist.tsx';
import { matchPath, useRouter, useScreenHeading } from '../lib/router.tsx';
import { t } from '../lib/texts.ts';

/** What the server tells the client about its city (GET /config.json): locally the demo sign-in, deployed the managed login. */
export type ClientConfig = {
  city: string;
  cityName: string;
  /** The city's interventieteam, whose wijkcoaches and teamleiders may break the glass (v1.2). */
  interventieteamId?: string;
} & (
  | { signIn: 'local' }
  | {
      signIn: 'cognito';
      cognito: CognitoConfig /** The residents' client, when the city has a DigiD broker (v1.2). */;
      residents?: CognitoConfig;
    }
);

/** The figures come with a charting library: loaded when the screen opens, not with the first load. */
const Figures = lazy(() => import('../features/figures/Figures.tsx').then((m) => ({ default: m.Figures })));

export function App() {
  const { path, navigate } = useRouter();
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [config, setConfig] = useState<ClientConfig>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the page loads (the configuration, and the way back from the managed login)
  useEffect(() => {
    fetch('/config.json')
      .then((r) => r.json() as Promise<ClientConfig>)
      .then(async (loaded) => {
        setConfig(loaded);
        if (loaded.signIn !== 'cognito' || loadSession()) return;
        const signedIn = await finishSignIn(loaded.cognito);
        if (!signedIn) return startSignIn(loaded.cognito);
        setSession(saveSession(signedIn.token));
        // Back where one was going when the sign-in began (a link from a colleague, a bookmark).
        navigate(signedIn.returnTo, { replace: true });
      })
      .catch(() => setConfig({ city: '', cityName: '', signIn: 'local' }));
  }, []);
  const notifications = useNotifications(session !== undefined);
  const [main, setMain] = useState<HTMLElement | null>(null);
  useScreenHeading(main, config?.cityName ? `${t.app} ${config.cityName}` : t.app);

  if (!session && config?.signIn === 'cognito') return <main className="wt-main" id="inhoud" aria-busy="true" ref={setMain} />;
  // Signed in, one stays on the screen one was going to: a deep link survives the sign-in.
  if (!session)
    return (
      <main className="wt-main" id="inhoud" ref={setMain}>
        <SignIn cityName={config?.cityName ?? ''} onSignedIn={setSession} />
      </main>
    );

  const screens: { pattern: string; render: (p: Record<string, string>) => ReactNode }[] = [
    { pattern: '/', render: () => <Worklist actor={session} /> },
    { pattern: '/team/:id/werk', render: (p) => <TeamWork teamId={p.id ?? ''} /> },
    { pattern: '/aanmelden', render: () => <IntakeForm actor={session} /> },
    { pattern: '/aanmeldingen/:id/triage', render: (p) => <Triage intakeId={p.id ?? ''} actor={session} /> },
    { pattern: '/caseload', render: () => <Caseload actor={session} /> },
    { pattern: '/huishoudens/:id', render: (p) => <Dossier householdId={p.id ?? ''} actor={session} /> },
    { pattern: '/huishoudens/:id/privacy', render: (p) => <Privacy householdId={p.id ?? ''} actor={session} /> },
    { pattern: '/huishoudens/:id/inzage', render: (p) => <ExportDocument householdId={p.id ?? ''} /> },
    { pattern: '/huishoudens/:id/plan', render: (p) => <PlanEditor householdId={p.id ?? ''} actor={session} /> },
    { pattern: '/huishoudens/:id/plan/afdrukken', render: (p) => <PrintPlan householdId={p.id ?? ''} /> },
    { pattern: '/huishoudens/:id/doorbraak', render: (p) => <EscalationRequest householdId={p.id ?? ''} /> },
    { pattern: '/doorbraken', render: () => <EscalationQueue /> },
    { pattern: '/doorbraken/:id', render: (p) => <EscalationDetail escalationId={p.id ?? ''} actor={session} /> },
    { pattern: '/precedenten', render: () => <Precedents /> },
    {
      pattern: '/cijfers',
      render: () => (
        <Suspense fallback={<Loading />}>
          <Figures actor={session} />
        </Suspense>
      ),
    },
    { pattern: '/signalen', render: () => <SignalQueue actor={session} /> },
    { pattern: '/signalen/:id', render: (p) => <SignalDetail signalId={p.id ?? ''} /> },
    { pattern: '/noodtoegang', render: () => <BreakGlass actor={session} interventieteamId={config?.interventieteamId} /> },
    { pattern: '/noodtoegang/beoordelen', render: () => <GrantReviews actor={session} /> },
    { pattern: '/meldingen', render: () => <Notifications page={notifications.page} onRead={notifications.refresh} /> },
  ];
  const match = screens.flatMap((screen) => {
    const params = matchPath(screen.pattern, path);
    return params ? [{ screen, params }] : [];
  })[0];
  const nav = [
    { to: '/', label: t.nav.worklist, show: true },
    { to: '/aanmelden', label: t.nav.intake, show: hasAnyRole(session, TEAM_WORKERS) },
    { to: '/caseload', label: t.nav.caseload, show: hasAnyRole(session, TEAM_WORKERS) },
    { to: '/doorbraken', label: t.nav.escalations, show: hasAnyRole(session, CITY_WIDE) },
    { to: '/signalen', label: t.nav.signals, show: hasAnyRole(session, TEAM_WORKERS) },
    { to: '/precedenten', label: t.nav.precedents, show: hasAnyRole(session, CASE_PROFESSIONALS) },
    { to: '/cijfers', label: t.nav.figures, show: hasAnyRole(session, FIGURE_READERS) },
    {
      to: '/noodtoegang',
      label: t.nav.breakGlass,
      show: config?.interventieteamId !== undefined && breaksGlass(session, config.interventieteamId),
    },
  ].filter((item) => item.show);
  const unread = notifications.page?.unreadCount ?? 0;

  return (
    <>
      <AppHeader
        heading={`${t.app} ${config?.cityName ?? ''}`}
        navLabel={t.nav.label}
        items={[
          ...nav,
          {
            to: '/meldingen',
            // The badge shows how many are unread; the link's name says it in words ("Meldingen 3 ongelezen").
            label: (
              <>
                {t.nav.notifications}
                {unread > 0 && (
                  <>
                    {' '}
                    <span className="wt-badge">{unread}</span>
                    <span className="wt-skip"> {t.nav.unread}</span>
                  </>
                )}
              </>
            ),
          },
        ]}
        here={path}
        person={
          <span>
            {session.name} ({session.roles.map((role) => t.roles[role] ?? role).join(', ')})
          </span>
        }
        signOutLabel={t.signOut}
        onSignOut={() => {
          clearSession();
          setSession(undefined);
          if (config?.signIn === 'cognito') location.assign(signOutUrl(config.cognito));
          else navigate('/');
        }}
      />
      <main className="wt-main wt-stack" id="inhoud" ref={setMain}>
        {match ? match.screen.render(match.params) : <Heading level={1}>{t.notFound}</Heading>}
      </main>
    </>
  );
}
