import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * How many DynamoDB requests each route makes, counted on the client the functions use.
 * These are the numbers the README promises; a change that adds a round trip fails here.
 */
let api: TestApi;
let anna: string;
let commands: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  api.stack.db.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push((context.commandName ?? 'unknown').replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  anna = await api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'] });
  // Anna signs in to each function once (every instance refreshes the roster once): those writes are behind us.
  await api.call('GET', '/teams', { token: anna });
  expect((await api.call('POST', '/intakes', { token: anna, body: body('7549AB', '222222220') })).status).toBe(201);
});
afterAll(() => api.stack.stop());

const measure = async (call: () => Promise<{ status: number }>, status: number) => {
  commands = [];
  const reply = await call();
  expect(reply.status).toBe(status);
  return commands;
};

const body = (postcode: string, bsn = '111222333') => ({
  teamId: 'velve-lindenhof',
  channel: 'walk_in',
  urgency: 'normal',
  question: 'story',
  domains: ['finances'],
  household: { address: { postcode, houseNumber: '1' }, members: [{ name: 'Jan', birthDate: '1980-01-01', bsn, role: 'adult' }] },
});

describe('DynamoDB requests per route', () => {
  it('POST /intakes: look-ups, then one transaction (plus the household read when it matches)', async () => {
    expect(await measure(() => api.call('POST', '/intakes', { token: anna, body: body('7544AB') }), 201)).toEqual([
      'BatchGetItem',
      'TransactWriteItems',
    ]);
    expect(await measure(() => api.call('POST', '/intakes', { token: anna, body: body('7544AB') }), 201)).toEqual([
      'BatchGetItem',
      'GetItem',
      'TransactWriteItems',
    ]);
  });

  it('POST /intakes with an Idempotency-Key: two more writes the first time, one request for a replay', async () => {
    const request = () =>
      api.call('POST', '/intakes', { token: anna, body: body('7545AB', '123456782'), headers: { 'idempotency-key': 'k1' } });
    expect(await measure(request, 201)).toEqual(['PutItem', 'BatchGetItem', 'TransactWriteItems', 'UpdateItem']);
    expect(await measure(request, 201)).toEqual(['PutItem']);
  });

  it('GET /intakes/{id}: one read and its processing-log line', async () => {
    const created = await api.call('POST', '/intakes', { token: anna, body: body('7546AB', '999999990') });
    expect(await measure(() => api.call('GET', `/intakes/${created.body.id}`, { token: anna }), 200)).toEqual(['BatchGetItem', 'PutItem']);
  });

  it('POST /intakes/{id}/triage: one read, one transaction', async () => {
    const created = await api.call('POST', '/intakes', { token: anna, body: body('7547AB', '111111110') });
    expect(
      await measure(
        () => api.call('POST', `/intakes/${created.body.id}/triage`, { token: anna, body: { outcome: 'referred_external' } }),
        200,
      ),
    ).toEqual(['BatchGetItem', 'TransactWriteItems']);
  });

  it('GET /teams: none; GET /teams/{id}/members: one Query', async () => {
    expect(await measure(() => api.call('GET', '/teams', { token: anna }), 200)).toEqual([]);
    expect(await measure(() => api.call('GET', '/teams/velve-lindenhof/members', { token: anna }), 200)).toEqual(['Query']);
  });

  it('refused input costs no request at all', async () => {
    expect(await measure(() => api.call('POST', '/intakes', { token: anna, body: { ...body('7548AB'), domains: ['x'] } }), 400)).toEqual(
      [],
    );
  });
});
