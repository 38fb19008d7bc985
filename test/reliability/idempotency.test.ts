import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../setup/helpers.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stack.stop());

it('100 concurrent retries of one intake with one Idempotency-Key make one intake, and every reply is identical', async () => {
  const token = await api.token({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'] });
  const body = {
    teamId: 'velve-lindenhof',
    channel: 'phone',
    urgency: 'normal',
    question: 'Eén verhaal, honderd keer verstuurd door een slechte verbinding.',
    domains: ['finances'],
    household: { address: { postcode: '7511AA', houseNumber: '3' }, members: [{ name: 'R', birthDate: '1990-01-01', role: 'adult' }] },
  };
  const replies = await Promise.all(
    Array.from({ length: 100 }, () => api.call('POST', '/intakes', { token, body, headers: { 'idempotency-key': 'one-story' } })),
  );
  expect(new Set(replies.map((r) => r.status))).toEqual(new Set([201]));
  expect(new Set(replies.map((r) => r.text)).size).toBe(1);
  const items = (await api.stack.db.send(new ScanCommand({ TableName: api.stack.tableName }))).Items ?? [];
  expect(items.filter((item) => item.type === 'intake')).toHaveLength(1);
  expect(items.filter((item) => item.type === 'household')).toHaveLength(1);
});
