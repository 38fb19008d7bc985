import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * The edges an attacker or a careless client tries: tokens the gateway would refuse, crafted
 * group names, colliding idempotency keys, unknown keys that must not be echoed, an oversized
 * body on a keep-alive connection. Expectations from api.md and the JWT authorizer's rules.
 */
let api: TestApi;
let anna: string;
let postcode = 6100;

const intakeBody = (overrides: Record<string, unknown> = {}) => ({
  teamId: 'velve-lindenhof',
  channel: 'walk_in',
  urgency: 'normal',
  question: 'Ik kom er niet meer uit.',
  domains: ['finances'],
  household: {
    address: { postcode: `${postcode++}AB`, houseNumber: '3' },
    members: [{ name: 'Jan', birthDate: '1980-01-01', bsn: randomBsn(), role: 'adult' }],
  },
  ...overrides,
});

beforeAll(async () => {
  api = await startTestApi();
  anna = await api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'] });
});
afterAll(() => api.stack.stop());

describe('tokens, as the JWT authorizer checks them', () => {
  const claims = { sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'] };

  it('refuses a token without exp', async () => {
    const token = await api.stack.idp.sign(claims, { expiresInSeconds: null });
    const reply = await api.call('GET', '/teams', { token });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ message: 'Unauthorized' });
  });

  it('refuses a token issued in the future, and accepts one issued within a small skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    const future = await api.stack.idp.sign(claims, { issuedAt: now + 3600 });
    expect((await api.call('GET', '/teams', { token: future })).status).toBe(401);
    const skewed = await api.stack.idp.sign(claims, { issuedAt: now + 5 });
    expect((await api.call('GET', '/teams', { token: skewed })).status).toBe(200);
  });

  it('never splits one group into two roles', async () => {
    // A group whose name holds a comma is one (unknown) group, not two roles. (Cognito group
    // names hold no white space, which is what the gateway's flattened `[a b]` form splits on.)
    for (const group of ['beheerder,intaker', 'teamleider,intaker', '[beheerder]']) {
      const token = await api.token({ sub: 'mallory', roles: [group], teams: ['velve-lindenhof'] });
      expect((await api.call('GET', '/stats', { token })).status).toBe(403);
      expect((await api.call('POST', '/intakes', { token, body: intakeBody() })).status).toBe(403);
    }
    const honest = await api.token({ sub: 'bea', roles: ['beheerder'] });
    expect((await api.call('GET', '/stats', { token: honest })).status).toBe(200);
  });
});

describe('Idempotency-Key', () => {
  it('keeps (professional, key) pairs apart that a joined string would confuse', async () => {
    const [first, second] = await Promise.all([
      api.token({ sub: 'a:b', roles: ['intaker'], teams: ['velve-lindenhof'] }),
      api.token({ sub: 'a', roles: ['intaker'], teams: ['velve-lindenhof'] }),
    ]);
    const body = intakeBody();
    const one = await api.call('POST', '/intakes', { token: first, body, headers: { 'idempotency-key': 'c' } });
    const two = await api.call('POST', '/intakes', { token: second, body, headers: { 'idempotency-key': 'b:c' } });
    expect(one.status).toBe(201);
    expect(two.status).toBe(201);
    // Two professionals, two keys: two intakes, neither replays the other's answer.
    expect(two.body.id).not.toBe(one.body.id);
    expect(two.body.createdBy).toBe('a');
  });
});

describe('errors never echo what the client sent', () => {
  it('reports an unknown key on its parent, without its name', async () => {
    const secretKey = 'Pietje Puk 123456782';
    const body = intakeBody();
    const household = body.household as { members: Record<string, unknown>[] };
    household.members[0] = { ...household.members[0], [secretKey]: 'x' };
    const reply = await api.call('POST', '/intakes', { token: anna, body: { ...body, 'BSN 111222333': 1 } });
    expect(reply.status).toBe(400);
    expect(reply.text).not.toContain('Pietje');
    expect(reply.text).not.toContain('111222333');
    expect(reply.text).not.toContain('123456782');
    expect(reply.body.invalidParams).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'household.members.0', code: 'unrecognized_keys' }),
        expect.objectContaining({ name: 'body', code: 'unrecognized_keys' }),
      ]),
    );
  });

  it('says in English what the contract expects, for developers (api.md 1.1: reasons name the expectation, never the input)', async () => {
    const reply = await api.call('POST', '/intakes', { token: anna, body: intakeBody({ urgency: 'ZZsoonZZ', question: '' }) });
    expect(reply.status).toBe(400);
    const reasons = Object.fromEntries(
      (reply.body.invalidParams as { name: string; reason: string }[]).map((param) => [param.name, param.reason]),
    );
    // zod/mini carries no messages of its own: without the English ones every reason would be "Invalid input".
    expect(reasons.urgency).toMatch(/^Invalid option: expected one of /);
    expect(reasons.question).toMatch(/^Too small: expected string to have >=1 character/);
    expect(reply.text).not.toContain('ZZsoonZZ');
  });

  it('never echoes a generated key or value anywhere in a 400 (property)', async () => {
    const marker = fc.stringMatching(/^[A-Za-z]{4,12}$/).map((word) => `ZZ${word}ZZ`);
    await fc.assert(
      fc.asyncProperty(marker, marker, async (key, value) => {
        const body = intakeBody({
          [key]: value,
          urgency: value,
          household: { address: { postcode: value, houseNumber: '1' }, members: [] },
        });
        const reply = await api.call('POST', '/intakes', { token: anna, body });
        expect(reply.status).toBe(400);
        expect(reply.text).not.toContain(key);
        expect(reply.text).not.toContain(value);
      }),
      { numRuns: 25 },
    );
  });
});

describe('the local server, like the gateway', () => {
  it('answers the next request on a keep-alive connection after a 413', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const url = new URL(api.url('/'));
    const send = (method: string, path: string, body?: Buffer) =>
      new Promise<{ status: number; socketReused: boolean }>((done, failed) => {
        const req = httpRequest(
          {
            agent,
            host: url.hostname,
            port: url.port,
            path: `/v1${path}`,
            method,
            headers: {
              authorization: `Bearer ${anna}`,
              'content-type': 'application/json',
              ...(body ? { 'content-length': String(body.length) } : {}),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => done({ status: res.statusCode ?? 0, socketReused: req.reusedSocket }));
          },
        );
        req.on('error', failed);
        req.end(body);
      });
    try {
      // Over API Gateway's 10 MB payload limit.
      const tooLarge = await send('POST', '/intakes', Buffer.alloc(11 * 1024 * 1024, 'a'));
      expect(tooLarge.status).toBe(413);
      const next = await send('GET', '/teams');
      expect(next.status).toBe(200);
      expect(next.socketReused).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});
