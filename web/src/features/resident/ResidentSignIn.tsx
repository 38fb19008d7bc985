import { type FormEvent, useState } from 'react';
import { useFocusFirstInvalid } from '../../components/forms.ts';
import { Alert, Button, Heading, Paragraph, TextField } from '../../components/nlds.tsx';
import { inputValue, useLoad } from '../../components/ui.tsx';
import { t } from '../../lib/texts.ts';
import { type DemoResident, demoResidentSignIn, getDemoResidents } from './api.ts';

/**
 * Local mode only: the DigiD stand-in. A BSN of the test range signs in, as the broker's test
 * environments take one; the demo city's residents are offered as buttons. Deployed, residents
 * sign in through the city's DigiD broker (the managed login with its identity provider).
 */
export function ResidentSignIn({ cityName, onSignedIn }: { cityName: string; onSignedIn: (token: string) => void }) {
  const residents = useLoad(getDemoResidents, '');
  const [bsn, setBsn] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const [failed, setFailed] = useState(false);
  const { form, focusFirstInvalid } = useFocusFirstInvalid();
  const signIn = async (number: string) => {
    const token = await demoResidentSignIn(number);
    if (token) onSignedIn(token);
    else setFailed(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = bsn.replace(/\s/g, '');
    if (!/^\d{9}$/.test(digits)) {
      setInvalid(t.resident.signIn.bsnInvalid);
      focusFirstInvalid();
      return;
    }
    setInvalid(undefined);
    void signIn(digits);
  };
  const byTeam = new Map<string, DemoResident[]>();
  for (const r of residents.data ?? []) byTeam.set(r.teamName, [...(byTeam.get(r.teamName) ?? []), r]);
  return (
    <div className="wt-stack">
      <Heading level={1}>{t.resident.signIn.title}</Heading>
      <Paragraph>{t.resident.signIn.intro}</Paragraph>
      <Alert type="info">
        <Paragraph>{t.resident.signIn.localIntro}</Paragraph>
      </Alert>
      {failed && (
        <Alert type="error">
          <Paragraph>{t.resident.signIn.failed}</Paragraph>
        </Alert>
      )}
      <form ref={form} className="wt-stack" onSubmit={submit} noValidate aria-label={t.resident.signIn.title}>
        <TextField
          id="bsn"
          label={t.resident.signIn.bsn}
          description={t.resident.signIn.bsnHint}
          errorMessage={invalid}
          inputMode="numeric"
          autoComplete="off"
          value={bsn}
          onChange={(event) => {
            setBsn(inputValue(event));
            setInvalid(undefined);
          }}
        />
        <div>
          <Button type="submit" appearance="primary-action-button">
            {t.resident.signIn.submit}
          </Button>
        </div>
      </form>
      {byTeam.size > 0 && (
        <section className="wt-stack" aria-labelledby="kop-demo">
          <Heading level={2} id="kop-demo">
            {t.resident.signIn.demo} {cityName}
          </Heading>
          {[...byTeam].map(([team, people]) => (
            <section key={team} className="wt-stack" aria-label={team}>
              <Heading level={3} appearance={4}>
                {team}
              </Heading>
              <div className="wt-actions">
                {people.map((r) => (
                  <Button key={r.bsn} onClick={() => void signIn(r.bsn)}>
                    {r.name}, {r.address}
                  </Button>
                ))}
              </div>
            </section>
          ))}
        </section>
      )}
    </div>
  );
}
