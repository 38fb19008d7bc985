import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { type IdTokenClaims, localIdp } from '../../infra/local/idp.ts';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * platform.md: "Local mode loses nothing on a restart: an escalation waiting in its flow when
 * the server stopped is waiting again, at the same step, after it starts." Two local stacks in
 * turn on one table, as `npm start` twice on one DATA_DIR.
 */
const tableName = `test-restart-${randomUUID()}`;
const idp = await localIdp(null);
const people: Record<string, IdTokenClaims> = {
  kees: { sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'] },
  lotte: { sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] },
  dora: { sub: 'dora', roles: ['doorbraakteam'], teams: ['doorbraakteam'] },
};
const token = (who: keyof typeof people) => idp.sign(people[who] as IdTokenClaims);
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
let running: TestApi | undefined;

const start = async () => {
  running = await startTestApi('enschede', { tableName, idp, flow: { retryIntervalMs: 0, evaluationWaitSeconds: 0 } });
  return running;
};
afterAll(() => running?.stack.stop());

async function submittedEscalation(api: TestApi, postcode: string) {
  const intake = await api.call('POST', '/intakes', {
    token: await token('lotte'),
    body: {
      teamId: 'velve-lindenhof',
      channel: 'walk_in',
      urgency: 'normal',
      question: 'Regels van twee organisaties blokkeren elkaar.',
      domains: ['finances'],
      household: {
        address: { postcode, houseNumber: '1' },
        members: [{ name: 'Fam', birthDate: '1980-01-01', bsn: randomBsn(), role: 'adult' }],
      },
    },
  });
  const householdId = intake.body.householdId as string;
  await api.call('GET', '/teams', { token: await token('kees') });
  expect(
    (await api.call('PUT', `/households/${householdId}/regisseur`, { token: await token('lotte'), body: { userId: 'kees' } })).status,
  ).toBe(200);
  const plan = await api.call('POST', `/households/${householdId}/plan`, {
    token: await token('kees'),
    body: { goals: [{ domain: 'finances', description: 'Schulden stabiel', actions: [] }], evaluationDate: tomorrow },
  });
  expect(plan.status).toBe(201);
  const escalation = await api.call('POST', `/households/${householdId}/escalations`, {
    token: await token('kees'),
    body: { blockage: 'Verrekening blokkeert schuldhulp.', organisations: ['Menzis'], proposal: 'Verrekening stoppen.', urgency: 'normal' },
  });
  expect(escalation.status).toBe(201);
  return escalation.body.id as string;
}

async function until(api: TestApi, id: string, predicate: (e: Record<string, unknown>) => boolean) {
  const deadline = Date.now() + 8000;
  for (;;) {
    const { body } = await api.call('GET', `/escalations/${id}`, { token: await token('lotte') });
    if (predicate(body)) return body;
    if (Date.now() > deadline) throw new Error(`escalation stayed ${body.status} (awaiting ${body.awaiting})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('a restart of the local stack', () => {
  it('puts every waiting flow back in the state it waited in', async () => {
    let api = await start();
    const waitingForDecision = await submittedEscalation(api, '9101AB');
    const waitingForInformation = await submittedEscalation(api, '9102AB');
    await until(api, waitingForDecision, (e) => e.awaiting === 'decision');
    await until(api, waitingForInformation, (e) => e.awaiting === 'decision');
    const asked = await api.call('POST', `/escalations/${waitingForInformation}/decision`, {
      token: await token('dora'),
      body: { decision: 'request_info', motivation: 'Welke termijn geldt?' },
    });
    expect(asked.status).toBeLessThan(300);
    await until(api, waitingForInformation, (e) => e.awaiting === 'information');

    await api.stack.stop();
    running = undefined;
    api = await start();

    // The decision is taken by the restarted flow, which goes on to approve and await the evaluation.
    const decided = await api.call('POST', `/escalations/${waitingForDecision}/decision`, {
      token: await token('dora'),
      body: { decision: 'approve', motivation: 'Maatwerk is hier redelijk.' },
    });
    expect(decided.status).toBeLessThan(300);
    await until(api, waitingForDecision, (e) => e.status === 'awaiting_evaluation');

    // The information goes back to the doorbraakteam, as before the restart.
    const informed = await api.call('POST', `/escalations/${waitingForInformation}/information`, {
      token: await token('kees'),
      body: { information: 'Drie maanden.' },
    });
    expect(informed.status).toBeLessThan(300);
    await until(api, waitingForInformation, (e) => e.awaiting === 'decision');
  });
});
