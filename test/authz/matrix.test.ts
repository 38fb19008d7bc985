import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.ts';
import { randomBsn, startTestApi, type TestApi } from '../setup/helpers.ts';
import { planBody as makePlanBody, type Needs, signalBody, type World, type WorldMakers, world } from '../setup/worlds.ts';

/**
 * The authorization matrix: every route × every kind of caller. The expected answer of each
 * cell is written below as data, from the roles table of ../shared/spec/domain.md and the
 * rules of api.md (invisible → 404 exactly as unknown; visible but not for this role → 403; a
 * role that may never do an action → 403 whatever the id; no token → the gateway's 401). It is
 * never read from the route table: the route table only makes sure that every route has a row.
 */
type Outcome = 200 | 201 | 202 | 204 | 401 | 403 | 404 | 409;

const OWN = 'velve-lindenhof';
const OTHER = 'pathmos';
const STORY = 'MATRIX-VERHAAL dat alleen het eigen team mag lezen';
const MEMBER = 'Matrix Bewoner';

/**
 * The callers, in the order of the columns below. `regisseur` is the household's regisseur (a
 * wijkcoach), who also submitted its escalations; `decider` is a doorbraakteam member who is
 * also budget holder and took the decision (rule 6); `doorbraakteam` is a member who did not.
 * The last three are a wijkcoach of the interventieteam and a break-glass grant (v1.2 rule 17):
 * before they broke the glass on the world's household, while their grant is in force, and
 * (another member) after their grant on it expired; the last, a teamleider of the
 * interventieteam holding a grant on it (the routes a team leader may call, seen through a grant).
 * `resident` is the world's first member, signed in with DigiD (v1.2 rule 18): a principal of its
 * own, refused on every professional's route, and the only one the resident's routes take.
 */
const CALLERS = [
  'none',
  'intaker',
  'wijkcoach',
  'teamleider',
  'regisseur',
  'other-intaker',
  'other-wijkcoach',
  'other-teamleider',
  'doorbraakteam',
  'budgethouder',
  'beheerder',
  'decider',
  'partner',
  'glass-before',
  'glass-holder',
  'glass-expired',
  'glass-leader',
  'resident',
] as const;
type Caller = (typeof CALLERS)[number];

/** A world with, as a row needs, a member on the roster, a second resident, an involved party, and a consent of the first member for that party's organisation. */
type NetworkWorld = World & {
  bsn?: string;
  grantId?: string;
  holderGrant?: string;
  leaderGrant?: string;
  memberId?: string;
  residentId?: string;
  involvedId?: string;
  subjectId?: string;
  consentId?: string;
};

interface Row {
  operationId: string;
  /** member: someone on the team's roster; resident: a second resident in the household, and the first one's id; involved: an involved party. */
  needs: Needs & { member?: boolean; resident?: boolean; involved?: boolean; consent?: boolean; grant?: boolean };
  request: (w: NetworkWorld) => {
    method: string;
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
  };
  /** One outcome per caller, in the order of CALLERS. */
  expect: readonly Outcome[];
}

const planBody = makePlanBody();

// biome-ignore format: one row per route, one column per caller, aligned under the header
const rows: Record<string, Row> = {
  //                                                                      none int  wc   tl   reg  oInt oWc  oTl  dbt  bh   beh  dec  prt  gBef gIn  gExp gTl  res
  getHealth: { operationId: 'getHealth', needs: {}, request: () => ({ method: 'GET', path: '/health' }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  getOpenApi: { operationId: 'getOpenApi', needs: {}, request: () => ({ method: 'GET', path: '/openapi.json' }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  // "any signed-in role" (api.md 1.1): the register holds no personal data.
  listProcessingActivities: { operationId: 'listProcessingActivities', needs: {}, request: () => ({ method: 'GET', path: '/processing-activities' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 200, 403] },
  listTeams: { operationId: 'listTeams', needs: {}, request: () => ({ method: 'GET', path: '/teams' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 200, 403] },
  // "for members of the team and its team leader"; other teams' lists are 403 (teams are public).
  listTeamMembers: { operationId: 'listTeamMembers', needs: {}, request: () => ({ method: 'GET', path: `/teams/${OWN}/members` }),
    expect: [401, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
  // "teamleider of that team".
  removeTeamMember: { operationId: 'removeTeamMember', needs: { member: true },
    request: (w) => ({ method: 'DELETE', path: `/teams/${OWN}/members/${w.memberId}` }),
    expect: [401, 403, 403, 204, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
  // intaker, wijkcoach, teamleider; teamId must be one of the caller's teams, else 403.
  registerIntake: { operationId: 'registerIntake', needs: {}, request: () => ({ method: 'POST', path: '/intakes', body: intakeBody() }),
    expect: [401, 201, 201, 201, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
  getIntake: { operationId: 'getIntake', needs: {}, request: (w) => ({ method: 'GET', path: `/intakes/${w.intakeId}` }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 403, 403, 403, 403, 403, 404, 404, 404, 404, 403] },
  triageIntake: { operationId: 'triageIntake', needs: {},
    request: (w) => ({ method: 'POST', path: `/intakes/${w.intakeId}/triage`, body: { outcome: 'referred_external' } }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 403, 403, 403, 403, 403, 404, 404, 404, 404, 403] },
  // Within reach only: other teams get an empty list (as for a household that does not exist); the doorbraakteam may search.
  searchHouseholds: { operationId: 'searchHouseholds', needs: {}, request: () => ({ method: 'GET', path: `/households/search?name=${MEMBER.slice(0, 6)}` }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 200, 403, 200, 200, 200, 200, 403] },
  // "wijkcoach, teamleider of the household's team" for every correction.
  changeHouseholdAddress: { operationId: 'changeHouseholdAddress', needs: {},
    request: (w) => ({ method: 'PUT', path: `/households/${w.householdId}/address`, body: { postcode: `${postcode++}AB`, houseNumber: '9' } }),
    expect: [401, 403, 200, 200, 200, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  addHouseholdMember: { operationId: 'addHouseholdMember', needs: {},
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/members`, body: { name: 'Nieuw Kind', birthDate: '2024-02-02', role: 'child' } }),
    expect: [401, 403, 201, 201, 201, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  changeHouseholdMember: { operationId: 'changeHouseholdMember', needs: { resident: true },
    request: (w) => ({ method: 'PUT', path: `/households/${w.householdId}/members/${w.residentId}`, body: { name: MEMBER, birthDate: '1970-01-01', role: 'adult' } }),
    expect: [401, 403, 200, 200, 200, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  removeHouseholdMember: { operationId: 'removeHouseholdMember', needs: { resident: true },
    request: (w) => ({ method: 'DELETE', path: `/households/${w.householdId}/members/${w.residentId}`, body: { reason: 'Verhuisd' } }),
    expect: [401, 403, 200, 200, 200, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  // v1.2 "The network around the household": kept by the wijkcoaches and team leaders of the household's team.
  addInvolvedParty: { operationId: 'addInvolvedParty', needs: {},
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/involved`, body: { kind: 'professional', name: 'Sanne Schuldhulp', organisation: 'Stadsbank Oost' } }),
    expect: [401, 403, 201, 201, 201, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  changeInvolvedParty: { operationId: 'changeInvolvedParty', needs: { involved: true },
    request: (w) => ({ method: 'PUT', path: `/households/${w.householdId}/involved/${w.involvedId}`, body: { kind: 'informal', name: 'Buurvrouw Ria' } }),
    expect: [401, 403, 200, 200, 200, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  endInvolvedParty: { operationId: 'endInvolvedParty', needs: { involved: true },
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/involved/${w.involvedId}/end`, body: { reason: 'Traject afgerond' } }),
    expect: [401, 403, 200, 200, 200, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  // Consents and disclosures (rule 16): recorded, withdrawn and disclosed by the wijkcoaches and team leaders of the team, read by its members.
  recordConsent: { operationId: 'recordConsent', needs: { consent: true },
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/consents`, body: { memberId: w.subjectId, organisation: 'Woonbron', purpose: 'Huurachterstand', dataKinds: ['members'], form: 'verbal', givenAt: '2026-01-05' } }),
    expect: [401, 403, 201, 201, 201, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  withdrawConsent: { operationId: 'withdrawConsent', needs: { consent: true },
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/consents/${w.consentId}/withdrawal`, body: {} }),
    expect: [401, 403, 200, 200, 200, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  listConsents: { operationId: 'listConsents', needs: { consent: true }, request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/consents` }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  disclose: { operationId: 'disclose', needs: { consent: true },
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/disclosures`, body: { involvedId: w.involvedId, dataKinds: ['members'], memberIds: [w.subjectId], basis: { consentIds: [w.consentId] } } }),
    expect: [401, 403, 201, 201, 201, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  listDisclosures: { operationId: 'listDisclosures', needs: { consent: true }, request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/disclosures` }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  // Each professional's own caseload; the city-wide roles hold no caseload.
  listHouseholds: { operationId: 'listHouseholds', needs: {}, request: () => ({ method: 'GET', path: '/households' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 200, 200, 200, 200, 403] },
  // The doorbraakteam sees a household only while an escalation is before them (rule 8).
  getHouseholdBeforeDoorbraakteam: { operationId: 'getHousehold', needs: { plan: true, escalation: 'decision' },
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}` }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 200, 403, 403, 200, 403, 404, 200, 404, 200, 403] },
  // v1.2 "The journal": written by the intakers, wijkcoaches and team leaders of the household's team.
  addJournalEntry: { operationId: 'addJournalEntry', needs: {},
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/journal`, body: { kind: 'note', text: 'Notitie' } }),
    expect: [401, 201, 201, 201, 201, 404, 404, 404, 403, 403, 403, 403, 403, 404, 201, 404, 201, 403] },
  // "the author, or a teamleider of the team": the regisseur wrote it; a colleague sees it but may not correct it.
  correctJournalEntry: { operationId: 'correctJournalEntry', needs: { journal: true },
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/journal/${w.journalEntryId}/corrections`, body: { text: 'Huisbezoek, verbeterd', reason: 'Aangevuld' } }),
    expect: [401, 403, 403, 200, 200, 404, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  // "team members; the doorbraakteam while an escalation is before them".
  listJournal: { operationId: 'listJournal', needs: { plan: true, escalation: 'decision' },
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/journal` }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 200, 403, 403, 200, 403, 404, 200, 404, 200, 403] },
  listJournalOutsideDoorbraak: { operationId: 'listJournal', needs: {},
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/journal` }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 404, 403, 403, 404, 403, 404, 200, 404, 200, 403] },
  getTimeline: { operationId: 'getTimeline', needs: { plan: true, escalation: 'decision' },
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/timeline` }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 200, 403, 403, 200, 403, 404, 200, 404, 200, 403] },
  getHousehold: { operationId: 'getHousehold', needs: {}, request: (w) => ({ method: 'GET', path: `/households/${w.householdId}` }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 404, 403, 403, 404, 403, 404, 200, 404, 200, 403] },
  appointRegisseur: { operationId: 'appointRegisseur', needs: {},
    request: (w) => ({ method: 'PUT', path: `/households/${w.householdId}/regisseur`, body: { userId: 'regisseur' } }),
    expect: [401, 403, 403, 200, 403, 403, 403, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
  transferHousehold: { operationId: 'transferHousehold', needs: {},
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/transfer`, body: { teamId: 'binnenstad' } }),
    expect: [401, 403, 403, 200, 403, 403, 403, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
  recordAssessment: { operationId: 'recordAssessment', needs: {},
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/assessments`, body: { scores: { finances: 3 } } }),
    expect: [401, 403, 201, 201, 201, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  listAssessments: { operationId: 'listAssessments', needs: {}, request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/assessments` }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 403, 403, 403, 403, 403, 404, 200, 404, 200, 403] },
  // "teamleider or regisseur".
  closeHousehold: { operationId: 'closeHousehold', needs: {},
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/close`, body: { reason: 'r' } }),
    expect: [401, 403, 403, 200, 200, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  // A plan is written by the regisseur or a team leader; anyone of the team who works on it may edit it.
  createPlan: { operationId: 'createPlan', needs: {},
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/plan`, body: planBody }),
    expect: [401, 403, 403, 201, 201, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  getPlan: { operationId: 'getPlan', needs: { plan: true }, request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/plan` }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 403, 403, 403, 403, 403, 404, 200, 404, 200, 403] },
  updatePlan: { operationId: 'updatePlan', needs: { plan: true },
    request: (w) => ({ method: 'PUT', path: `/households/${w.householdId}/plan`, body: planBody, headers: { 'if-match': '"1"' } }),
    expect: [401, 403, 200, 200, 200, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  agreeToPlan: { operationId: 'agreeToPlan', needs: { plan: true },
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/plan/agreement`, body: { agreedBy: 'Bewoner' } }),
    expect: [401, 403, 403, 200, 200, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  closePlan: { operationId: 'closePlan', needs: { plan: true },
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/plan/close`, body: { outcome: 'o' } }),
    expect: [401, 403, 403, 200, 200, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  listPlanVersions: { operationId: 'listPlanVersions', needs: { plan: true },
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/plan/versions` }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  // "the owner or the regisseur" (api.md 1.1): the action is the wijkcoach's.
  completePlanAction: { operationId: 'completePlanAction', needs: { plan: true, actionOwner: 'wijkcoach' },
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/plan/actions/${w.actionId}/completion` }),
    expect: [401, 403, 200, 403, 200, 404, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  // Everyone signed in has a work list (it may be empty).
  listMyTasks: { operationId: 'listMyTasks', needs: {}, request: () => ({ method: 'GET', path: '/me/tasks' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 200, 403] },
  // v1.2 notifications: every professional reads and marks their own; a partner's machine client has none.
  listMyNotifications: { operationId: 'listMyNotifications', needs: {}, request: () => ({ method: 'GET', path: '/me/notifications' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 200, 403] },
  markNotificationsRead: { operationId: 'markNotificationsRead', needs: {}, request: () => ({ method: 'POST', path: '/me/notifications/read', body: { all: true } }),
    expect: [401, 204, 204, 204, 204, 204, 204, 204, 204, 204, 204, 204, 403, 204, 204, 204, 204, 403] },
  // "teamleider of that team"; team lists of another team are 403.
  listTeamTasks: { operationId: 'listTeamTasks', needs: {}, request: () => ({ method: 'GET', path: `/teams/${OWN}/tasks` }),
    expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
  // The team leader reads the processing log and exports for a subject access request.
  getProcessingLog: { operationId: 'getProcessingLog', needs: {},
    request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/processing-log` }),
    expect: [401, 403, 403, 200, 403, 403, 403, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
  exportHousehold: { operationId: 'exportHousehold', needs: {}, request: (w) => ({ method: 'GET', path: `/households/${w.householdId}/export` }),
    expect: [401, 403, 403, 200, 403, 403, 403, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
  // "wijkcoach/teamleider of the household's team".
  submitEscalation: { operationId: 'submitEscalation', needs: { plan: true },
    request: (w) => ({ method: 'POST', path: `/households/${w.householdId}/escalations`,
      body: { blockage: 'b', organisations: ['o'], proposal: 'p', urgency: 'normal' } }),
    expect: [401, 403, 201, 201, 201, 403, 404, 404, 403, 403, 403, 403, 403, 404, 403, 404, 403, 403] },
  // beheerder and teamleider; figures hold no personal data.
  getStats: { operationId: 'getStats', needs: {}, request: () => ({ method: 'GET', path: '/stats' }),
    expect: [401, 403, 403, 200, 403, 403, 403, 200, 403, 403, 200, 403, 403, 403, 403, 403, 200, 403] },
  // Precedents: the doorbraakteam publishes and rewords; every professional role but the beheerder reads; figures for
  // the doorbraakteam, team leaders and the beheerder (api.md 1.1).
  publishPrecedent: { operationId: 'publishPrecedent', needs: { plan: true, escalation: 'evaluation' },
    request: (w) => ({ method: 'POST', path: `/escalations/${w.escalationId}/precedent`,
      body: { summary: 's', blockingRule: 'r', organisations: ['o'], domains: ['finances'], solution: 'z' } }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 201, 403, 403, 201, 403, 403, 403, 403, 403, 403] },
  editPrecedent: { operationId: 'editPrecedent', needs: { plan: true, escalation: 'evaluation', precedent: true },
    request: (w) => ({ method: 'PUT', path: `/precedents/${w.precedentId}`,
      body: { summary: 's2', blockingRule: 'r', organisations: ['o'], domains: ['finances'], solution: 'z' } }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200, 403, 403, 403, 403, 403, 403] },
  getPrecedent: { operationId: 'getPrecedent', needs: { plan: true, escalation: 'evaluation', precedent: true },
    request: (w) => ({ method: 'GET', path: `/precedents/${w.precedentId}` }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 403, 200, 200, 200, 200, 403] },
  listPrecedents: { operationId: 'listPrecedents', needs: {}, request: () => ({ method: 'GET', path: '/precedents' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 403, 200, 200, 200, 200, 403] },
  getPrecedentFigures: { operationId: 'getPrecedentFigures', needs: {}, request: () => ({ method: 'GET', path: '/precedents/figures?year=2026' }),
    expect: [401, 403, 403, 200, 403, 403, 403, 200, 200, 403, 200, 200, 403, 403, 403, 403, 200, 403] },
  // The doorbraakteam's and budget holders' queue.
  listEscalations: { operationId: 'listEscalations', needs: {}, request: () => ({ method: 'GET', path: '/escalations' }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 200, 200, 403, 200, 403, 403, 403, 403, 403, 403] },
  getEscalation: { operationId: 'getEscalation', needs: { plan: true, escalation: 'decision' },
    request: (w) => ({ method: 'GET', path: `/escalations/${w.escalationId}` }),
    expect: [401, 403, 200, 200, 200, 403, 404, 404, 200, 200, 403, 200, 403, 404, 404, 404, 404, 403] },
  // The doorbraakteam, not the submitter.
  decideEscalation: { operationId: 'decideEscalation', needs: { plan: true, escalation: 'decision' },
    request: (w) => ({ method: 'POST', path: `/escalations/${w.escalationId}/decision`, body: { decision: 'reject', motivation: 'm' } }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 202, 403, 403, 202, 403, 403, 403, 403, 403, 403] },
  // The submitter.
  giveInformation: { operationId: 'giveInformation', needs: { plan: true, escalation: 'information' },
    request: (w) => ({ method: 'POST', path: `/escalations/${w.escalationId}/information`, body: { information: 'i' } }),
    expect: [401, 403, 403, 403, 202, 403, 404, 404, 403, 403, 403, 403, 403, 404, 404, 404, 404, 403] },
  // A budget holder who did not decide (rule 6).
  approveBudget: { operationId: 'approveBudget', needs: { plan: true, escalation: 'budget_approval' },
    request: (w) => ({ method: 'POST', path: `/escalations/${w.escalationId}/budget-approval`, body: { decision: 'approve', motivation: 'm' } }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 202, 403, 403, 403, 403, 403, 403, 403, 403] },
  // "regisseur or submitter".
  evaluateEscalation: { operationId: 'evaluateEscalation', needs: { plan: true, escalation: 'evaluation' },
    request: (w) => ({ method: 'POST', path: `/escalations/${w.escalationId}/evaluation`, body: { resolved: true, note: 'n' } }),
    expect: [401, 403, 403, 403, 202, 403, 404, 404, 403, 403, 403, 403, 403, 404, 404, 404, 404, 403] },
  // The partner's own route: the gateway requires the signals scope (a professional's ID token has none: its 403).
  receiveSignal: { operationId: 'receiveSignal', needs: {}, request: () => ({ method: 'POST', path: '/signals', body: signalBody() }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 201, 403, 403, 403, 403, 403] },
  // "intaker, wijkcoach, teamleider of the team"; another team's queue is 403 (teams are public), as for every team list.
  listSignals: { operationId: 'listSignals', needs: {}, request: () => ({ method: 'GET', path: `/signals?teamId=${OWN}` }),
    expect: [401, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
  // The partner that sent it (status only); professionals of the team (all of it); another team's signal is not found.
  getSignal: { operationId: 'getSignal', needs: { signal: true }, request: (w) => ({ method: 'GET', path: `/signals/${w.signalId}` }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 403, 403, 403, 403, 200, 404, 404, 404, 404, 403] },
  recordContactAttempt: { operationId: 'recordContactAttempt', needs: { signal: true },
    request: (w) => ({ method: 'POST', path: `/signals/${w.signalId}/contact-attempts`, body: { channel: 'visit', reached: false, at: new Date().toISOString() } }),
    expect: [401, 201, 201, 201, 201, 404, 404, 404, 403, 403, 403, 403, 403, 404, 404, 404, 404, 403] },
  recordSignalOutcome: { operationId: 'recordSignalOutcome', needs: { signal: true },
    request: (w) => ({ method: 'POST', path: `/signals/${w.signalId}/outcome`, body: { outcome: 'help_declined' } }),
    expect: [401, 200, 200, 200, 200, 404, 404, 404, 403, 403, 403, 403, 403, 404, 404, 404, 404, 403] },
  // v1.2 BRP look-up: intaker, wijkcoach, teamleider of any team (no household yet to be within reach of); the stand-in knows no one here.
  getBrpResidents: { operationId: 'getBrpResidents', needs: {}, request: () => ({ method: 'GET', path: '/brp/residents?postcode=7599ZZ&houseNumber=1' }),
    expect: [401, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 200, 200, 200, 200, 403] },
  // v1.2 rule 18: the resident's own household, and only for the resident.
  getMyHousehold: { operationId: 'getMyHousehold', needs: {}, request: () => ({ method: 'GET', path: '/me/household' }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200] },
  getMyProcessingLog: { operationId: 'getMyProcessingLog', needs: {}, request: () => ({ method: 'GET', path: '/me/processing-log' }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200] },
  agreeToMyPlan: { operationId: 'agreeToMyPlan', needs: { plan: true }, request: () => ({ method: 'POST', path: '/me/household/plan/agreement', body: { version: 1 } }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200] },
  // The consent is the first member's own: theirs to withdraw.
  withdrawMyConsent: { operationId: 'withdrawMyConsent', needs: { consent: true }, request: (w) => ({ method: 'POST', path: `/me/consents/${w.consentId}/withdrawal`, body: {} }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200] },
  messageMyRegisseur: { operationId: 'messageMyRegisseur', needs: {}, request: () => ({ method: 'POST', path: '/me/household/messages', body: { text: 'Bericht' } }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 201] },
  // v1.2 rule 17: a wijkcoach or teamleider of the interventieteam breaks the glass; on a household they already reach, 409.
  breakGlass: { operationId: 'breakGlass', needs: {},
    request: (w) => ({ method: 'POST', path: '/break-glass', body: { bsn: w.bsn, reason: 'Acute crisis: de politie meldt dakloosheid' } }),
    expect: [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 201, 409, 201, 409, 403] },
  // "teamleider of the household's team"; another team's leader does not see the grant.
  reviewBreakGlassGrant: { operationId: 'reviewBreakGlassGrant', needs: { grant: true },
    request: (w) => ({ method: 'POST', path: `/break-glass/${w.grantId}/review`, body: { verdict: 'justified', note: 'Acuut, terecht' } }),
    expect: [401, 403, 403, 200, 403, 403, 403, 404, 403, 403, 403, 403, 403, 403, 403, 403, 404, 403] },
  // "teamleider of that team"; team lists of another team are 403.
  listBreakGlassGrants: { operationId: 'listBreakGlassGrants', needs: {}, request: () => ({ method: 'GET', path: `/break-glass?teamId=${OWN}` }),
    expect: [401, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
};

let api: TestApi;
const tokens = new Map<string, string>();
let postcode = 5000;
let members = 0;
let lastBsn = '';
/** The functions' clock runs this far from the system's: the expired grant is broken in the past. */
let clockOffsetMs = 0;

function intakeBody() {
  lastBsn = randomBsn();
  return {
    teamId: OWN,
    channel: 'walk_in',
    urgency: 'normal',
    question: STORY,
    domains: ['finances'],
    household: {
      address: { postcode: `${postcode++}AB`, houseNumber: '1' },
      members: [{ name: MEMBER, birthDate: '1970-01-01', bsn: lastBsn, role: 'adult' }],
    },
  };
}

/** Breaks the glass on the world's household as `who` (of the interventieteam); `hoursAgo` back in the functions' time. */
async function breakGlassOn(w: NetworkWorld, who: string, hoursAgo = 0) {
  clockOffsetMs = -hoursAgo * 3_600_000;
  try {
    const reply = await api.call('POST', '/break-glass', { token: token(who), body: { bsn: w.bsn, reason: 'Acute crisis in de matrix' } });
    expect(reply.status, `break-glass by ${who}`).toBe(201);
    return reply.body.id as string;
  } finally {
    clockOffsetMs = 0;
  }
}

const token = (who: string) => tokens.get(who) as string;

const makers = (): WorldMakers => ({ api, token, intakeBody });

/** A world as the row needs it; with `member`, also someone on the own team's roster to take off it. */
async function worldFor(needs: Row['needs']): Promise<NetworkWorld> {
  const w: NetworkWorld = await world(makers(), needs);
  w.bsn = lastBsn;
  if (needs.grant) w.grantId = await breakGlassOn(w, 'ina');
  if (needs.resident) {
    const added = await api.call('POST', `/households/${w.householdId}/members`, {
      token: token('leader'),
      body: { name: 'Tweede Bewoner', birthDate: '1971-01-01', role: 'adult' },
    });
    expect(added.status).toBe(201);
    w.residentId = added.body.id;
  }
  if (needs.involved || needs.consent) {
    const added = await api.call('POST', `/households/${w.householdId}/involved`, {
      token: token('leader'),
      body: { kind: 'professional', name: 'Jeroen Jeugdbescherming', organisation: 'Jeugdbescherming Overijssel' },
    });
    expect(added.status).toBe(201);
    w.involvedId = added.body.id;
  }
  if (needs.consent) {
    const dossier = await api.call('GET', `/households/${w.householdId}`, { token: token('leader') });
    w.subjectId = dossier.body.members[0].id;
    const given = await api.call('POST', `/households/${w.householdId}/consents`, {
      token: token('leader'),
      body: {
        memberId: w.subjectId,
        organisation: 'Jeugdbescherming Overijssel',
        purpose: 'Jeugdhulp',
        dataKinds: ['members'],
        form: 'written',
        givenAt: '2026-01-05',
      },
    });
    expect(given.status).toBe(201);
    w.consentId = given.body.id;
  }
  if (needs.member) {
    w.memberId = `member-${++members}`;
    await api.call('GET', '/teams', { token: await api.token({ sub: w.memberId, roles: ['wijkcoach'], teams: [OWN] }) });
  }
  return w;
}

/** Each caller's token claims (apart from `none`). */
const CLAIMS: Record<Exclude<Caller, 'none'>, { roles: string[]; teams: string[] }> = {
  intaker: { roles: ['intaker'], teams: [OWN] },
  wijkcoach: { roles: ['wijkcoach'], teams: [OWN] },
  teamleider: { roles: ['teamleider'], teams: [OWN] },
  regisseur: { roles: ['wijkcoach'], teams: [OWN] },
  'other-intaker': { roles: ['intaker'], teams: [OTHER] },
  'other-wijkcoach': { roles: ['wijkcoach'], teams: [OTHER] },
  'other-teamleider': { roles: ['teamleider'], teams: [OTHER] },
  doorbraakteam: { roles: ['doorbraakteam'], teams: ['doorbraakteam'] },
  budgethouder: { roles: ['budgethouder'], teams: [] },
  beheerder: { roles: ['beheerder'], teams: [] },
  decider: { roles: ['doorbraakteam', 'budgethouder'], teams: ['doorbraakteam'] },
  // A partner's machine client has no claims of a person: its access token is signed apart (below).
  partner: { roles: [], teams: [] },
  'glass-before': { roles: ['wijkcoach'], teams: ['interventieteam'] },
  'glass-holder': { roles: ['wijkcoach'], teams: ['interventieteam'] },
  'glass-expired': { roles: ['wijkcoach'], teams: ['interventieteam'] },
  'glass-leader': { roles: ['teamleider'], teams: ['interventieteam'] },
  // A resident's token has no roles or teams: it is signed apart, for the world's own member (below).
  resident: { roles: [], teams: [] },
};

/** Whose token a column calls with: before and during a grant it is the same person. */
const SUBJECT: Partial<Record<Caller, string>> = {
  'glass-before': 'ivo',
  'glass-holder': 'ivo',
  'glass-expired': 'iris',
  'glass-leader': 'ilse',
};

beforeAll(async () => {
  api = await startTestApi('enschede', {
    flow: { retryIntervalMs: 0, evaluationWaitSeconds: 0 },
    clock: () => new Date(Date.now() + clockOffsetMs),
  });
  for (const [who, claims] of Object.entries(CLAIMS)) {
    const sub = SUBJECT[who as Caller] ?? who;
    tokens.set(who, await api.token({ sub, ...claims }));
  }
  // The interventieteam's members who break the glass in the setup, apart from the columns.
  for (const who of ['ivo', 'iris', 'ina'])
    tokens.set(who, await api.token({ sub: who, roles: ['wijkcoach'], teams: ['interventieteam'] }));
  tokens.set('ilse', await api.token({ sub: 'ilse', roles: ['teamleider'], teams: ['interventieteam'] }));
  tokens.set('partner', await api.stack.idp.signPartner('menzis'));
  // The setup crew, apart from the callers: registers, appoints and plans in every world.
  tokens.set('leader', await api.token({ sub: 'leader', roles: ['teamleider', 'intaker'], teams: [OWN] }));
  // On the team's roster: the regisseur, the setup crew, and the wijkcoach who owns plan actions.
  await Promise.all(['regisseur', 'leader', 'wijkcoach'].map((who) => api.call('GET', '/teams', { token: token(who) })));
});
afterAll(() => api.stack.stop());

describe('authorization matrix', () => {
  it('has a row for every route, and every row a route', () => {
    const covered = new Set(Object.values(rows).map((row) => row.operationId));
    expect([...covered].sort()).toEqual(routes.map((r) => r.operationId).sort());
    for (const row of Object.values(rows)) expect(row.expect, row.operationId).toHaveLength(CALLERS.length);
  });

  const results: string[] = [];
  for (const [name, row] of Object.entries(rows)) {
    it(name, async () => {
      let shared: NetworkWorld | undefined;
      const outcomes: string[] = [];
      for (const [column, who] of CALLERS.entries()) {
        const want = row.expect[column] as Outcome;
        // A request that should succeed gets a world of its own; refusals share one (they change nothing).
        if (want >= 300 && !shared) shared = await worldFor(row.needs);
        const w = want < 300 || !shared ? await worldFor(row.needs) : shared;
        // The grant column: a grant in force on this world's household (once per world); the expired one, 9 hours back.
        if (who === 'glass-holder' && !w.holderGrant) w.holderGrant = await breakGlassOn(w, 'ivo');
        if (who === 'glass-expired') await breakGlassOn(w, 'iris', 9);
        if (who === 'glass-leader' && !w.leaderGrant) w.leaderGrant = await breakGlassOn(w, 'ilse');
        const { method, path, body, headers } = row.request(w);
        const callerToken = who === 'resident' ? await api.stack.idp.signResident(w.bsn ?? '') : token(who);
        const reply = await api.call(method, path, {
          ...(who === 'none' ? {} : { token: callerToken }),
          ...(body ? { body } : {}),
          ...(headers ? { headers } : {}),
        });
        outcomes.push(`${who}: ${reply.status}${reply.status === want ? '' : ` (expected ${want})`}`);
        if (reply.status >= 400) {
          expect(reply.text, `${who} ${path}`).not.toContain(STORY);
          expect(reply.text, `${who} ${path}`).not.toContain(MEMBER);
        }
      }
      results.push(...outcomes.map((o) => `${name} ${o}`));
      expect(outcomes.filter((o) => o.includes('expected'))).toEqual([]);
    }, 120_000);
  }

  it('covers every row × every caller', () => {
    expect(results).toHaveLength(Object.keys(rows).length * CALLERS.length);
    if (process.env.MATRIX_REPORT) console.log(results.join('\n'));
  });
});
