import { api, ok, type Schemas } from '../../lib/api.ts';

/** What a household search looks for: a BSN, an address, or a name. */
export type SearchCriterion = { bsn: string } | { postcode: string; houseNumber: string; houseNumberAddition?: string } | { name: string };

/** A page of the team's households (GET /households, paged by cursor). */
export const getHouseholds = (status: 'open' | 'closed', cursor?: string) =>
  api.GET('/households', { params: { query: { status, limit: 25, ...(cursor ? { cursor } : {}) } } }).then(ok);

export const searchHouseholds = (criterion: SearchCriterion) => api.GET('/households/search', { params: { query: criterion } }).then(ok);

/** The city's teams, for their names. */
export const getTeams = () => api.GET('/teams').then(ok);

export const getDossier = (id: string) => api.GET('/households/{id}', { params: { path: { id } } }).then(ok);

export const getAssessments = (id: string) =>
  api.GET('/households/{id}/assessments', { params: { path: { id }, query: { limit: 100 } } }).then(ok);

/** A team's roster; one the caller may not read is empty. */
export const getRoster = (id: string) =>
  api.GET('/teams/{id}/members', { params: { path: { id } } }).then((answer) => ({ teamId: id, members: answer.data?.items ?? [] }));

export const appointRegisseur = (id: string, userId: string) =>
  api.PUT('/households/{id}/regisseur', { params: { path: { id } }, body: { userId } }).then(ok);

export const recordAssessment = (id: string, body: Schemas['NewAssessment']) =>
  api.POST('/households/{id}/assessments', { params: { path: { id } }, body }).then(ok);

export type JournalEntry = Schemas['JournalEntry'];
/** A restricted entry as a reader who may not read it gets it: that it exists, not what it says. */
export type ClosedJournalEntry = Schemas['ClosedJournalEntry'];
export type TimelineItem = Schemas['TimelineItem'];
export type JournalKind = Schemas['NewJournalEntry']['kind'];
export type LifeDomainName = NonNullable<Schemas['NewJournalEntry']['domains']>[number];

/** What the journal's list is filtered by (GET …/journal): none of them is the whole journal. */
export interface JournalFilter {
  kind?: JournalKind;
  domain?: LifeDomainName;
  member?: string;
  q?: string;
}

/** The timeline and the journal are paged alike, so the journal's pages hold every entry the timeline's pages list. */
export const STORY_PAGE = 10;

export const getTimeline = (id: string, cursor?: string) =>
  api.GET('/households/{id}/timeline', { params: { path: { id }, query: { limit: STORY_PAGE, ...(cursor ? { cursor } : {}) } } }).then(ok);

export const getJournal = (id: string, filter: JournalFilter, cursor?: string) =>
  api
    .GET('/households/{id}/journal', { params: { path: { id }, query: { ...filter, limit: STORY_PAGE, ...(cursor ? { cursor } : {}) } } })
    .then(ok);

/**
 * The household's story as the dossier opens with it: the timeline's first page and, beside it
 * (the timeline names an entry without its kind, full text or corrections), the journal's. A
 * story the caller may not read leaves the rest of the dossier standing: its error instead.
 */
export const getStory = (id: string) =>
  Promise.all([getTimeline(id), getJournal(id, {})]).then(
    ([timeline, journal]) => ({ timeline, journal }),
    (error: unknown) => ({ error }),
  );
export type Story = Awaited<ReturnType<typeof getStory>>;

export const addJournalEntry = (id: string, body: Schemas['NewJournalEntry']) =>
  api.POST('/households/{id}/journal', { params: { path: { id } }, body }).then(ok);

export const correctJournalEntry = (id: string, entryId: string, body: Schemas['JournalCorrection']) =>
  api.POST('/households/{id}/journal/{entryId}/corrections', { params: { path: { id, entryId } }, body }).then(ok);

export type Dossier = Awaited<ReturnType<typeof getDossier>>;
export type DossierMember = Schemas['DossierMember'];
export type MemberInput = Schemas['MemberInput'];
export type LegalRelation = NonNullable<MemberInput['legalRelations']>[number];
export type Team = Awaited<ReturnType<typeof getTeams>>['items'][number];

export const changeAddress = (id: string, body: Schemas['AddressChange']) =>
  api.PUT('/households/{id}/address', { params: { path: { id } }, body }).then(ok);

export const addMember = (id: string, body: MemberInput) =>
  api.POST('/households/{id}/members', { params: { path: { id } }, body }).then(ok);

export const changeMember = (id: string, memberId: string, body: MemberInput) =>
  api.PUT('/households/{id}/members/{memberId}', { params: { path: { id, memberId } }, body }).then(ok);

export const removeMember = (id: string, memberId: string, reason: string) =>
  api.DELETE('/households/{id}/members/{memberId}', { params: { path: { id, memberId } }, body: { reason } }).then(ok);

export const closeHousehold = (id: string, reason: string) =>
  api.POST('/households/{id}/close', { params: { path: { id } }, body: { reason } }).then(ok);

export const transferHousehold = (id: string, teamId: string) =>
  api.POST('/households/{id}/transfer', { params: { path: { id } }, body: { teamId } }).then(ok);

export type InvolvedParty = Schemas['InvolvedParty'];
export type InvolvedInput = Schemas['InvolvedInput'];

export const addInvolved = (id: string, body: InvolvedInput) =>
  api.POST('/households/{id}/involved', { params: { path: { id } }, body }).then(ok);

export const changeInvolved = (id: string, involvedId: string, body: InvolvedInput) =>
  api.PUT('/households/{id}/involved/{involvedId}', { params: { path: { id, involvedId } }, body }).then(ok);

export const endInvolved = (id: string, involvedId: string, reason: string) =>
  api.POST('/households/{id}/involved/{involvedId}/end', { params: { path: { id, involvedId } }, body: { reason } }).then(ok);

export type Consent = Schemas['Consent'];
export type ConsentInput = Schemas['ConsentInput'];
export type DataKind = Schemas['DataKind'];
export type Disclosure = Schemas['Disclosure'];
export type DisclosureInput = Schemas['DisclosureInput'];
export type RegisterEntry = Schemas['ProcessingActivity'];

/**
 * What may leave the team and what left it: the household's consents and disclosures, and the
 * register's entries that allow disclosure without consent. A household has few of either; one
 * page of 100 holds them (the screen says when there are more).
 */
export const getSharing = (id: string) =>
  Promise.all([
    api.GET('/households/{id}/consents', { params: { path: { id }, query: { limit: 100 } } }).then(ok),
    api.GET('/households/{id}/disclosures', { params: { path: { id }, query: { limit: 100 } } }).then(ok),
    api.GET('/processing-activities').then(ok),
  ]).then(
    ([consents, disclosures, register]) => ({
      consents: consents.items,
      disclosures: disclosures.items,
      legalBases: register.items.filter((entry) => entry.disclosure),
    }),
    // Outside the team (the doorbraakteam's reach) there is nothing to share: the section is not shown.
    () => undefined,
  );
export type Sharing = NonNullable<Awaited<ReturnType<typeof getSharing>>>;

export const recordConsent = (id: string, body: ConsentInput) =>
  api.POST('/households/{id}/consents', { params: { path: { id } }, body }).then(ok);

export const withdrawConsent = (id: string, consentId: string, reason: string) =>
  api
    .POST('/households/{id}/consents/{consentId}/withdrawal', {
      params: { path: { id, consentId } },
      body: reason ? { reason } : {},
    })
    .then(ok);

export const disclose = (id: string, body: DisclosureInput) =>
  api.POST('/households/{id}/disclosures', { params: { path: { id } }, body }).then(ok);
