import { api, ok, type Schemas } from '../../lib/api.ts';

/**
 * The resident's own view (v1.2 rule 18): their household, their plan's agreement, a message to
 * the regisseur, their consents and their processing log, through the `/me/…` routes that take
 * only a resident's token.
 */
export type MyHousehold = Schemas['MyHousehold'];
export type MyPlan = Schemas['MyPlan'];
export type MyConsent = MyHousehold['consents'][number];
export type ResidentLogLine = Schemas['ResidentLogLine'];

export const getMyHousehold = () => api.GET('/me/household').then(ok);

export const agreeToMyPlan = (version: number) => api.POST('/me/household/plan/agreement', { body: { version } }).then(ok);

export const messageMyRegisseur = (text: string) => api.POST('/me/household/messages', { body: { text } }).then(ok);

export const withdrawMyConsent = (consentId: string, reason: string | undefined) =>
  api.POST('/me/consents/{consentId}/withdrawal', { params: { path: { consentId } }, body: reason ? { reason } : {} }).then(ok);

/** How many lines a page of "Wie zag mijn gegevens" holds. */
export const LOG_PAGE = 50;

export const getMyProcessingLog = (cursor?: string) =>
  api.GET('/me/processing-log', { params: { query: { limit: LOG_PAGE, ...(cursor ? { cursor } : {}) } } }).then(ok);

/** Local mode only: the demo households' adults, whom the DigiD stand-in signs in. */
export interface DemoResident {
  name: string;
  bsn: string;
  teamName: string;
  address: string;
}

export async function getDemoResidents(): Promise<DemoResident[]> {
  const response = await fetch('/local/residents');
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as DemoResident[];
}

/** The local DigiD stand-in: a resident's token for a BSN of the test range (400 for anything but nine digits). */
export async function demoResidentSignIn(bsn: string): Promise<string | undefined> {
  const response = await fetch('/local/resident-sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ bsn }),
  });
  if (!response.ok) return undefined;
  return ((await response.json()) as { token: string }).token;
}
