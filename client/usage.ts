/**
 * A small program against the generated client, as the web client will use it: the main
 * routes of a day, typed from the served OpenAPI document with no cast. `npm run typecheck`
 * compiles it (a contract change that breaks clients fails the build) and a test runs it
 * against a live local stack.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

export type Intake = components['schemas']['Intake'];
export type Dossier = components['schemas']['Dossier'];

export interface Tokens {
  intaker: string;
  coach: string;
  leader: string;
  doorbraakteam: string;
}

/** Fails with what the API said when an answer is not the one the day needs. */
function expectOk<T>(what: string, answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.data === undefined) throw new Error(`${what}: ${answer.response.status} ${JSON.stringify(answer.error)}`);
  return answer.data;
}

export async function aDayOfWork(baseUrl: string, tokens: Tokens, postcode = '7544AB') {
  const api = createClient<paths>({ baseUrl });
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const intake = expectOk(
    'register an intake',
    await api.POST('/intakes', {
      headers: as(tokens.intaker),
      body: {
        teamId: 'velve-lindenhof',
        channel: 'walk_in',
        urgency: 'normal',
        question: 'Ik heb schulden en de huur is te hoog.',
        domains: ['finances', 'housing'],
        household: { address: { postcode, houseNumber: '12' }, members: [{ name: 'Jan Jansen', birthDate: '1984-03-02', role: 'adult' }] },
      },
    }),
  );
  const householdId: string | null = intake.householdId;
  if (householdId === null) throw new Error('a new household of the own team shows its id');

  await api.GET('/teams', { headers: as(tokens.coach) });
  const triaged = expectOk(
    'triage',
    await api.POST('/intakes/{id}/triage', {
      params: { path: { id: intake.id } },
      headers: as(tokens.intaker),
      body: { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'complex' },
    }),
  );

  const regisseur = expectOk(
    'appoint the regisseur',
    await api.PUT('/households/{id}/regisseur', {
      params: { path: { id: householdId } },
      headers: as(tokens.leader),
      body: { userId: 'kees' },
    }),
  );

  const dossier: Dossier = expectOk(
    'read the dossier',
    await api.GET('/households/{id}', { params: { path: { id: householdId } }, headers: as(tokens.coach) }),
  );
  const onRoster: boolean | undefined = dossier.regisseur?.onRoster;

  const content = {
    goals: [
      {
        domain: 'finances' as const,
        description: 'Schulden in beeld',
        actions: [{ description: 'Aanmelden schuldhulp', organisation: 'Gemeente Enschede', dueDate: '2027-01-15' }],
      },
    ],
    evaluationDate: '2027-03-01',
  };
  const created = await api.POST('/households/{id}/plan', {
    params: { path: { id: householdId } },
    headers: as(tokens.coach),
    body: content,
  });
  expectOk('write the plan', created);
  const read = await api.GET('/households/{id}/plan', { params: { path: { id: householdId } }, headers: as(tokens.coach) });
  const etag = read.response.headers.get('etag') ?? '';
  const updated = expectOk(
    'update the plan from the version read',
    await api.PUT('/households/{id}/plan', {
      params: { path: { id: householdId }, header: { 'if-match': etag } },
      headers: as(tokens.coach),
      body: content,
    }),
  );

  const escalation = expectOk(
    'submit an escalation',
    await api.POST('/households/{id}/escalations', {
      params: { path: { id: householdId } },
      headers: as(tokens.coach),
      body: {
        blockage: 'Verrekening blokkeert de schuldhulp',
        organisations: ['Menzis'],
        proposal: 'Verrekening stoppen',
        urgency: 'high',
      },
    }),
  );
  const queue = expectOk('read the queue', await api.GET('/escalations', { headers: as(tokens.doorbraakteam) }));

  const stats = expectOk('read the figures', await api.GET('/stats', { params: { query: {} }, headers: as(tokens.leader) }));
  const cityTotal: components['schemas']['TeamFigures'] | null = stats.city;

  return {
    intakeId: intake.id,
    householdId,
    triageStatus: triaged.status,
    regisseur: regisseur.regisseur?.userId,
    onRoster,
    planVersion: updated.version,
    escalationId: escalation.id,
    queued: queue.items.map((item) => item.id),
    cityTotal,
  };
}
