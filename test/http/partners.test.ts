import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * Partners as machine clients (api.md 1.1 precisions, issue "Vroegsignalering"): a partner's
 * access token (client credentials, `signals/write`, no groups) passes the gateway only for the
 * city's partners, and is refused on every route that is not the partner's own.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stack.stop());

describe("a partner's machine client", () => {
  it('is refused (403, problem+json) on the professionals’ routes, even those open to every signed-in role', async () => {
    const menzis = await api.stack.idp.signPartner('menzis');
    for (const path of ['/teams', '/me/tasks', '/processing-activities', '/households', '/escalations']) {
      const reply = await api.call('GET', path, { token: menzis });
      expect(reply.status, path).toBe(403);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await api.call('GET', '/health', { token: menzis })).status).toBe(200);
  });

  it("is not let in when it is not one of the city's partners, or lacks the signals scope", async () => {
    const stranger = await api.stack.idp.signPartner('stranger');
    expect((await api.call('GET', '/teams', { token: stranger })).status).toBe(401);
    const unscoped = await api.stack.idp.signPartner('menzis', { scope: 'openid' });
    expect((await api.call('GET', '/teams', { token: unscoped })).status).toBe(401);
  });
});
