import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED, redactPersonalData } from '#shared/redaction.ts';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

let api: TestApi;
let anna: string;
let kees: string;
let lotte: string;
let dora: string;
let bea: string;
let otto: string;
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
let postcode = 4000;

async function household(
  question = 'Ik red het niet meer met de rekeningen.',
  member = { name: 'Jan', birthDate: '1980-01-01', bsn: randomBsn(), role: 'adult' },
) {
  const reply = await api.call('POST', '/intakes', {
    token: anna,
    body: {
      teamId: 'velve-lindenhof',
      channel: 'walk_in',
      urgency: 'normal',
      question,
      domains: ['finances'],
      household: { address: { postcode: `${postcode++}AB`, houseNumber: '9' }, members: [member] },
    },
  });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; householdId: string };
}

beforeAll(async () => {
  api = await startTestApi('enschede', { logLevel: 'DEBUG', flow: { retryIntervalMs: 0 } });
  [anna, kees, lotte, dora, bea, otto] = await Promise.all([
    api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'kees', roles: ['wijkcoach'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'lotte', roles: ['teamleider'], teams: ['velve-lindenhof'] }),
    api.token({ sub: 'dora', roles: ['doorbraakteam'], teams: ['doorbraakteam'] }),
    api.token({ sub: 'bea', roles: ['beheerder'] }),
    api.token({ sub: 'otto', roles: ['teamleider'], teams: ['pathmos'] }),
  ]);
});
afterAll(() => api.stack.stop());

describe('the processing log', () => {
  it('has a line for every read and change, readable by the team leader only', async () => {
    const intake = await household();
    await api.call('GET', `/intakes/${intake.id}`, { token: kees });
    await api.call('GET', `/households/${intake.householdId}`, { token: kees });
    const log = await api.call('GET', `/households/${intake.householdId}/processing-log`, { token: lotte });
    expect(log.status).toBe(200);
    expect(log.body.items.map((l: { actor: string; action: string }) => `${l.actor} ${l.action}`)).toEqual([
      'kees read',
      'kees read',
      'anna create',
    ]);
    expect(log.body.items[0]).toMatchObject({
      roles: ['wijkcoach'],
      resource: `/households/${intake.householdId}`,
      purpose: 'case work on a household',
    });
    expect((await api.call('GET', `/households/${intake.householdId}/processing-log`, { token: kees })).status).toBe(403);
    expect((await api.call('GET', `/households/${intake.householdId}/processing-log`, { token: otto })).status).toBe(404);
    const page = await api.call('GET', `/households/${intake.householdId}/processing-log?limit=2`, { token: lotte });
    const rest = await api.call('GET', `/households/${intake.householdId}/processing-log?limit=2&cursor=${page.body.nextCursor}`, {
      token: lotte,
    });
    expect([...page.body.items, ...rest.body.items]).toEqual(log.body.items);
  });

  it('exports everything on a household for a subject access request, and logs the export', async () => {
    const intake = await household();
    await api.call('GET', '/teams', { token: kees });
    await api.call('PUT', `/households/${intake.householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } });
    await api.call('POST', `/households/${intake.householdId}/plan`, {
      token: kees,
      body: { goals: [{ domain: 'finances', description: 'rust', actions: [] }], evaluationDate: tomorrow },
    });
    await api.call('PUT', `/households/${intake.householdId}/plan`, {
      token: kees,
      headers: { 'if-match': '"1"' },
      body: { goals: [{ domain: 'finances', description: 'rust 2', actions: [] }], evaluationDate: tomorrow },
    });
    const exported = await api.call('GET', `/households/${intake.householdId}/export`, { token: lotte });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    expect(exported.body.household.id).toBe(intake.householdId);
    expect(exported.body.intakes[0].question).toBe('Ik red het niet meer met de rekeningen.');
    expect(exported.body.planVersions.map((p: { version: number }) => p.version)).toEqual([1, 2]);
    expect(exported.body.processingLog.length).toBeGreaterThan(3);
    expect(JSON.stringify(exported.body)).not.toContain('bsnHash');
    const log = await api.call('GET', `/households/${intake.householdId}/processing-log?limit=1`, { token: lotte });
    expect(log.body.items[0]).toMatchObject({ actor: 'lotte', action: 'export' });
  });
});

describe('need to know', () => {
  it('shows a household to the doorbraakteam only while an escalation is before them', async () => {
    const intake = await household();
    expect((await api.call('GET', `/households/${intake.householdId}`, { token: dora })).status).toBe(404);
    await api.call('GET', '/teams', { token: kees });
    await api.call('PUT', `/households/${intake.householdId}/regisseur`, { token: lotte, body: { userId: 'kees' } });
    await api.call('POST', `/households/${intake.householdId}/plan`, {
      token: kees,
      body: { goals: [{ domain: 'finances', description: 'rust', actions: [] }], evaluationDate: tomorrow },
    });
    const escalation = await api.call('POST', `/households/${intake.householdId}/escalations`, {
      token: kees,
      body: { blockage: 'b', organisations: ['o'], proposal: 'p', urgency: 'normal' },
    });
    const dossier = await api.call('GET', `/households/${intake.householdId}`, { token: dora });
    expect(dossier.status).toBe(200);
    expect(dossier.body.escalations.map((e: { id: string }) => e.id)).toEqual([escalation.body.id]);
    // Other household routes stay closed to the doorbraakteam.
    expect((await api.call('GET', `/households/${intake.householdId}/plan`, { token: dora })).status).toBe(403);
    for (
      let i = 0;
      i < 200 && (await api.call('GET', `/escalations/${escalation.body.id}`, { token: dora })).body.awaiting !== 'decision';
      i++
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await api.call('POST', `/escalations/${escalation.body.id}/decision`, { token: dora, body: { decision: 'reject', motivation: 'm' } });
    for (
      let i = 0;
      i < 200 && (await api.call('GET', `/escalations/${escalation.body.id}`, { token: dora })).body.status !== 'rejected';
      i++
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await api.call('GET', `/households/${intake.householdId}`, { token: dora })).status).toBe(404);
  });

  it('gives the beheerder teams and no personal data', async () => {
    const intake = await household();
    expect((await api.call('GET', '/teams', { token: bea })).status).toBe(200);
    for (const path of [
      `/intakes/${intake.id}`,
      `/households/${intake.householdId}`,
      '/households',
      `/households/${intake.householdId}/export`,
    ]) {
      expect((await api.call('GET', path, { token: bea })).status, path).toBe(403);
    }
  });
});

describe('no personal data in logs', () => {
  /** What the functions' logger (with its redaction) writes for one line. */
  function loggedLine(message: string, fields: Record<string, unknown>): string {
    const lines: string[] = [];
    const logger = new Logger({ serviceName: 't', logLevel: 'DEBUG', jsonReplacerFn: redactPersonalData });
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      logger.info(message, fields);
    } finally {
      process.stdout.write = original;
    }
    return lines.join('');
  }

  it('redacts personal fields and BSN-shaped numbers wherever they are logged', () => {
    const output = loggedLine('debugging', {
      question: 'Mijn verhaal',
      member: { name: 'Jan Geheim', bsn: '111222333' },
      hint: 'bsn 123456782 ends here',
    });
    expect(output).toContain(REDACTED);
    expect(output).not.toMatch(/Mijn verhaal|Jan Geheim|111222333|123456782/);
  });

  it('redacts by field: request and trace ids stay whole, BSN-shaped runs leave free text', () => {
    const requestId = '3f2a1c9e-1234-4a5b-8c6d-123456789012';
    const traceId = 'Root=1-6741a2b3-123456789abcdef012345678';
    const line = JSON.parse(loggedLine('request', { requestId, traceId, hint: 'bsn 123456782 ends here', name: 'Jan Geheim' })) as Record<
      string,
      string
    >;
    expect(line.requestId).toBe(requestId);
    expect(line.traceId).toBe(traceId);
    expect(line.hint).toBe(`bsn ${REDACTED} ends here`);
    expect(line.name).toBe(REDACTED);
  });

  it("a story, a name and a BSN sent in never reach the functions' log output", async () => {
    const secret = { story: 'GEHEIM-VERHAAL over de schulden van de buren', name: 'Pietje Geheimhouder', bsn: randomBsn() };
    const captured: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const writeErr = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string, ...rest: never[]) => {
      captured.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string, ...rest: never[]) => {
      captured.push(String(chunk));
      return writeErr(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
      const intake = await household(secret.story, { name: secret.name, birthDate: '1975-05-05', bsn: secret.bsn, role: 'adult' });
      await api.call('GET', `/intakes/${intake.id}`, { token: kees });
      await api.call('GET', `/households/${intake.householdId}`, { token: kees });
      await api.call('POST', `/intakes/${intake.id}/triage`, {
        token: anna,
        body: { outcome: 'resolved_by_intaker', resolution: secret.story },
      });
      // Refused requests too: a bad BSN, an oversized story.
      await api.call('POST', '/intakes', {
        token: anna,
        body: { teamId: 'velve-lindenhof', question: secret.story, household: { members: [{ name: secret.name, bsn: '123456789' }] } },
      });
      await api.call('POST', '/intakes', {
        token: anna,
        rawBody: `{"question":"${secret.story}", broken`,
        headers: { 'content-type': 'application/json' },
      });
    } finally {
      process.stdout.write = write;
      process.stderr.write = writeErr;
    }
    const output = captured.join('');
    expect(output).toContain('"routeKey":"POST /v1/intakes"'); // the functions did log, at DEBUG
    expect(output).not.toContain('GEHEIM-VERHAAL');
    expect(output).not.toContain('Geheimhouder');
    expect(output).not.toContain(secret.bsn);
  });
});
