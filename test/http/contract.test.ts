import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKeyOf } from '#functions/http/contract.ts';
import { openApiDocument } from '#functions/openapi.ts';
import { routes } from '#functions/routes.ts';
import { startTestApi, type TestApi } from '../setup/helpers.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stack.stop());

describe('one route table for CDK, local mode and the document', () => {
  it("serves exactly the routes the synthesized template declares, which are the contract's", () => {
    expect(api.stack.definition.routes.map((r) => r.routeKey).sort()).toEqual(routes.map(routeKeyOf).sort());
    for (const route of api.stack.definition.routes) {
      expect(route.function.name).toBe(routes.find((r) => routeKeyOf(r) === route.routeKey)?.fn);
    }
  });

  it('documents every route in the served OpenAPI document', async () => {
    const { body } = await api.call('GET', '/openapi.json');
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} /v1${path}`),
    );
    expect(documented.sort()).toEqual(routes.map(routeKeyOf).sort());
    expect(body.servers).toEqual([expect.objectContaining({ url: '/v1' })]);
  });
});

describe('NL API Design Rules', () => {
  // Linting against Logius' ruleset (../shared/conformance/) is `npm run test:conformance`, its own CI step:
  // the ruleset is not part of this repository, and `npm test` passes in a fresh clone alone.
  it('describes every component, and publishes nullable values so that generated clients read them as `T | null`', async () => {
    const { body } = await api.call('GET', '/openapi.json');
    const undescribed = Object.entries(body.components.schemas as Record<string, { description?: string }>)
      .filter(([, schema]) => !schema.description)
      .map(([name]) => name);
    expect(undescribed).toEqual([]);
    // An allOf with a null branch reads as an intersection (`T & null`) to a generator.
    expect(JSON.stringify(body)).not.toMatch(/"allOf":\[[^\]]*"null"/);
    const plan = body.paths['/households/{id}/plan'];
    expect(plan.put.parameters.find((p: { name: string }) => p.name === 'if-match')).toMatchObject({ required: true });
    expect(plan.get.responses['200'].headers.ETag).toMatchObject({ required: true });
    expect(body.paths['/intakes'].post.responses['201'].headers.Location).toMatchObject({ required: true });
  });

  it('serves the document that `npm run test:conformance` lints', async () => {
    const { body } = await api.call('GET', '/openapi.json');
    expect(body).toEqual(JSON.parse(JSON.stringify(openApiDocument(routes))));
  });

  it('sends the API-Version header on every answer, errors included', async () => {
    const replies = await Promise.all([
      api.call('GET', '/health'),
      api.call('GET', '/teams', { token: await api.token({ sub: 'a', roles: ['beheerder'] }) }),
      api.call('GET', '/intakes/x', { token: await api.token({ sub: 'a', roles: ['intaker'], teams: ['pathmos'] }) }),
    ]);
    for (const reply of replies) expect(reply.headers.get('api-version')).toBe('1.2.0');
  });
});

describe('teams', () => {
  it("lists the city's teams to any signed-in role", async () => {
    const token = await api.token({ sub: 'bea', roles: ['beheerder'] });
    const { status, body } = await api.call('GET', '/teams', { token });
    expect(status).toBe(200);
    expect(body.items).toContainEqual({
      id: 'velve-lindenhof',
      name: 'Wijkteam Velve-Lindenhof',
      kind: 'wijkteam',
      neighbourhoods: ['Velve-Lindenhof'],
    });
    expect(body.items.find((t: { kind: string }) => t.kind === 'doorbraakteam')).toBeDefined();
  });

  it("lists a team's roster, refreshed as its members sign in, to members only", async () => {
    const lisa = await api.token({ sub: 'lisa', name: 'Lisa Smit', roles: ['teamleider'], teams: ['wesselerbrink'] });
    const kim = await api.token({ sub: 'kim', name: 'Kim', roles: ['wijkcoach'], teams: ['wesselerbrink', 'pathmos'] });
    await Promise.all([api.call('GET', '/teams', { token: kim }), api.call('GET', '/teams', { token: lisa })]);
    const roster = await api.call('GET', '/teams/wesselerbrink/members', { token: lisa });
    expect(roster.status).toBe(200);
    expect(roster.body.items.map((m: { userId: string }) => m.userId).sort()).toEqual(['kim', 'lisa']);
    expect(roster.body.items.find((m: { userId: string }) => m.userId === 'lisa')).toMatchObject({
      name: 'Lisa Smit',
      roles: ['teamleider'],
    });
    const outsider = await api.token({ sub: 'out', roles: ['wijkcoach'], teams: ['binnenstad'] });
    expect((await api.call('GET', '/teams/wesselerbrink/members', { token: outsider })).status).toBe(403);
    expect((await api.call('GET', '/teams/atlantis/members', { token: lisa })).status).toBe(404);
  });
});

describe('CORS as configured for the city', () => {
  it("answers a preflight from the city's web origin and not from another", async () => {
    const preflight = (origin: string) =>
      fetch(api.url('/intakes'), {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    const allowed = await preflight('https://wijkteams.enschede.nl');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://wijkteams.enschede.nl');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
