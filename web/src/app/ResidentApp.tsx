import { type ReactNode, useEffect, useState } from 'react';
import { AppHeader } from '../components/AppHeader.tsx';
import { Alert, Button, Heading, Paragraph } from '../components/nlds.tsx';
import { ErrorAlert, Loading, useLoad } from '../components/ui.tsx';
import { finishSignIn, signOutUrl, startSignIn } from '../features/auth/cognito.ts';
import { getMyHousehold } from '../features/resident/api.ts';
import { MessageRegisseur } from '../features/resident/MessageRegisseur.tsx';
import { MyConsents } from '../features/resident/MyConsents.tsx';
import { MyNetwork } from '../features/resident/MyNetwork.tsx';
import { MyPlan } from '../features/resident/MyPlan.tsx';
import { ResidentSignIn } from '../features/resident/ResidentSignIn.tsx';
import { clearResidentSession, loadResidentSession, saveResidentSession } from '../features/resident/session.ts';
import { WhoSawMyData } from '../features/resident/WhoSawMyData.tsx';
import { ApiError } from '../lib/api.ts';
import { useRouter, useScreenHeading } from '../lib/router.tsx';
import { t } from '../lib/texts.ts';
import type { ClientConfig } from './App.tsx';

/** The resident's screens, under `/inwoner/` (web.md v1.2 screen names). */
const SCREENS = [
  { to: '/inwoner/', label: t.resident.nav.plan },
  { to: '/inwoner/netwerk', label: t.resident.nav.network },
  { to: '/inwoner/toestemmingen', label: t.resident.nav.consents },
  { to: '/inwoner/gegevens', label: t.resident.nav.log },
  { to: '/inwoner/bericht', label: t.resident.nav.message },
] as const;

/**
 * The resident's own view (v1.2 rule 18), a client of its own beside the professionals': signed
 * in with DigiD (deployed through the city's broker, locally its stand-in), their household read
 * once and again after each change, five screens, phone first. Loaded only when `/inwoner/` is.
 */
export function ResidentApp() {
  const { path, navigate } = useRouter();
  const [session, setSession] = useState(loadResidentSession);
  const [config, setConfig] = useState<ClientConfig>();
  const [configFailed, setConfigFailed] = useState(false);
  const [main, setMain] = useState<HTMLElement | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the page loads (the configuration, and the way back from DigiD)
  useEffect(() => {
    fetch('/config.json')
      .then((r) => r.json() as Promise<ClientConfig>)
      .then(async (loaded) => {
        setConfig(loaded);
        if (loaded.signIn !== 'cognito' || !loaded.residents || loadResidentSession()) return;
        const signedIn = await finishSignIn(loaded.residents);
        if (!signedIn) return;
        setSession(saveResidentSession(signedIn.token));
        navigate(signedIn.returnTo.startsWith('/inwoner') ? signedIn.returnTo : '/inwoner/', { replace: true });
      })
      // Never the local stand-in as a fallback: deployed, it would ask a resident for their BSN.
      .catch(() => setConfigFailed(true));
  }, []);
  const appName = t.resident.app(config?.cityName ?? '');
  useScreenHeading(main, appName);
  const household = useLoad(() => (session ? getMyHousehold() : Promise.resolve(undefined)), session?.token ?? '');

  const signOut = () => {
    clearResidentSession();
    setSession(undefined);
    if (config?.signIn === 'cognito' && config.residents) location.assign(signOutUrl(config.residents));
    else navigate('/inwoner/');
  };

  if (!session) {
    return (
      <main className="wt-main" id="inhoud" ref={setMain}>
        {configFailed && (
          <Alert type="error">
            <Paragraph>{t.error}</Paragraph>
          </Alert>
        )}
        {config?.signIn === 'cognito' ? (
          <div className="wt-stack">
            <Heading level={1}>{t.resident.signIn.title}</Heading>
            <Paragraph>{t.resident.signIn.intro}</Paragraph>
            {config.residents && (
              <div>
                <Button appearance="primary-action-button" onClick={() => config.residents && void startSignIn(config.residents)}>
                  {t.resident.signIn.start}
                </Button>
              </div>
            )}
          </div>
        ) : (
          config && <ResidentSignIn cityName={config.cityName} onSignedIn={(token) => setSession(saveResidentSession(token))} />
        )}
      </main>
    );
  }

  const screen = (to: string, render: () => ReactNode) => ({ to, render });
  const data = household.data;
  const screens = data
    ? [
        screen('/inwoner/', () => <MyPlan household={data} onChanged={household.reload} />),
        screen('/inwoner/netwerk', () => <MyNetwork household={data} />),
        screen('/inwoner/toestemmingen', () => <MyConsents household={data} onChanged={household.reload} />),
        screen('/inwoner/gegevens', () => <WhoSawMyData />),
        screen('/inwoner/bericht', () => <MessageRegisseur household={data} />),
      ]
    : [];
  const here = path.split('?')[0] === '/inwoner' ? '/inwoner/' : path.split('?')[0];
  const current = screens.find((s) => s.to === here);
  const notFound = household.error instanceof ApiError && household.error.status === 404;

  return (
    <>
      {/* The city is in the tab's title; on a phone the bar keeps to one line. */}
      <AppHeader
        heading={t.resident.nav.label}
        navLabel={t.resident.nav.label}
        items={[...SCREENS]}
        here={here ?? ''}
        person={data && <span>{data.me.name}</span>}
        signOutLabel={t.resident.signOut}
        onSignOut={signOut}
      />
      <main className="wt-main wt-stack" id="inhoud" ref={setMain}>
        {household.loading && !data && <Loading />}
        {notFound && (
          <>
            <Heading level={1}>{t.resident.signIn.title}</Heading>
            <Paragraph>{t.resident.noHousehold}</Paragraph>
          </>
        )}
        {!notFound && !data && <ErrorAlert error={household.error} />}
        {data && (current ? current.render() : <Heading level={1}>{t.resident.notFoundScreen}</Heading>)}
      </main>
    </>
  );
}
