import { api, ok, type Schemas } from '../../lib/api.ts';

type Plan = Schemas['Plan'];

const readPlan = (householdId: string) => api.GET('/households/{id}/plan', { params: { path: { id: householdId } } });
const etagOf = (answer: { response: Response }) => answer.response.headers.get('etag') ?? undefined;

/** The household's plan with the ETag it was read with, to save on top of; none yet (404) is no plan. */
export async function getPlan(householdId: string): Promise<{ plan?: Plan; etag?: string }> {
  const answer = await readPlan(householdId);
  if (answer.response.status === 404) return { plan: undefined, etag: undefined };
  return { plan: ok(answer), etag: etagOf(answer) };
}

/** The plan as it is now, with its ETag: after someone else saved in between. */
export async function getLatestPlan(householdId: string): Promise<{ plan: Plan; etag?: string }> {
  const answer = await readPlan(householdId);
  return { plan: ok(answer), etag: etagOf(answer) };
}

/** The household (its team, for the roster; its regisseur, who directs the plan). */
export const getHousehold = (id: string) => api.GET('/households/{id}', { params: { path: { id } } }).then(ok);

/** A team's roster (the owners an action may have); one the caller may not read is empty. */
export const getRoster = (id: string) =>
  api.GET('/teams/{id}/members', { params: { path: { id } } }).then((answer) => ({ teamId: id, members: answer.data?.items ?? [] }));

/** Saves the content on top of the version read (If-Match its ETag), or as the first plan; a 412 says someone saved in between. */
export async function savePlan(householdId: string, content: Schemas['PlanContent'], current: { plan?: Plan; etag?: string }) {
  const answer = current.plan
    ? await api.PUT('/households/{id}/plan', {
        params: { path: { id: householdId }, header: { 'if-match': current.etag ?? '' } },
        body: content,
      })
    : await api.POST('/households/{id}/plan', { params: { path: { id: householdId } }, body: content });
  return { plan: ok(answer), etag: etagOf(answer) };
}

/** One action done (its owner or the regisseur): no If-Match, it never overwrites another change. */
export async function completeAction(householdId: string, actionId: string) {
  const answer = await api.POST('/households/{id}/plan/actions/{actionId}/completion', {
    params: { path: { id: householdId, actionId } },
  });
  return { plan: ok(answer), etag: etagOf(answer) };
}

/** The household agrees to the plan; the ETag to save on top of it comes from reading it again. */
export async function agreePlan(householdId: string, agreedBy: string) {
  const plan = ok(await api.POST('/households/{id}/plan/agreement', { params: { path: { id: householdId } }, body: { agreedBy } }));
  const latest = await readPlan(householdId);
  return { plan, etag: etagOf(latest) };
}
