/**
 * Every DynamoDB key of the single table is built here, and the prefixes and shapes the stores
 * check keys against (a cursor's position) come from here: no other module of the application
 * spells a key or a prefix. (Powertools builds an idempotency record's sort key itself, under
 * the partition built here; the tests spell keys out to check the layout.)
 *
 * | item                    | pk                    | sk                  | gsi1pk / gsi1sk                       |
 * | ----------------------- | --------------------- | ------------------- | ------------------------------------- |
 * | household               | HH#<householdId>      | HOUSEHOLD           | TEAM#<teamId>#<status> / <createdAt>#<id> |
 * | a member's name entry   | HH#<householdId>      | NAME#<memberId>     | gsi1…3: NAMES#<teamId> / <word>#<householdId>#<memberId> |
 * | task                    | HH#<householdId>      | TASK#<taskKey>      | TASKS#<assignee> / <dueDate>#<taskId>; gsi2: TEAMTASKS#<teamId> / the same |
 * | correction              | HH#<householdId>      | CORRECTION#<at>#<id> |                                      |
 * | consent                 | HH#<householdId>      | CONSENT#<consentId> (it starts with when it was recorded) |        |
 * | disclosure              | HH#<householdId>      | DISCLOSURE#<disclosureId> (it starts with its `at`) |              |
 * | precedent               | PRECEDENTS            | PRECEDENT#<id>      |                                       |
 * | signal                  | SIGNAL#<signalId>     | SIGNAL              | SIGNALS#<teamId>#<status> / <receivedAt>#<id> (leads only) |
 * | a signal's outreach task | SIGNAL#<signalId>    | TASK#outreach       | as every task                         |
 * | a partner's reference   | SIGREF#<partnerId>#<reference> | REFERENCE  |                                       |
 * | an address's outreach   | SIGADDR#<hmac(address)> | OUTREACH          |                                       |
 * | a signal's log line     | LOG#SIGNAL#<signalId> | <at>#<lineId>       |                                       |
 * | intake                  | HH#<householdId>      | INTAKE#<intakeId>   |                                       |
 * | plan (the latest one)   | HH#<householdId>      | PLAN                |                                       |
 * | assessment              | HH#<householdId>      | ASSESSMENT#<at>#<id> |                                      |
 * | journal entry           | HH#<householdId>#JOURNAL | <entryId> (it starts with its `at`) | gsi2: STORY#<householdId> / <at>#<entryId> |
 * | plan version            | HH#<householdId>#PLAN-VERSIONS | <planId>#<version, 6 digits> |                     |
 * | escalation              | HH#<householdId>      | ESCALATION#<key>    | gsi2: ESCALATION#<status> / <submittedAt>#<id> |
 * | BSN look-up             | BSN#<hmac(bsn)>       | LOOKUP              |                                       |
 * | address look-up         | ADDR#<hmac(address)>  | LOOKUP              |                                       |
 * | roster entry            | TEAM#<teamId>         | MEMBER#<userId>     |                                       |
 * | a professional's rosters | USER#<userId>        | ROSTER              |                                       |
 * | processing-log line     | LOG#<householdId>     | <at>#<lineId>       | a change's: gsi2: STORY#<householdId> / <at>#<lineId> |
 * | figures of a month      | STATS#<YYYY-MM>       | TEAM#<teamId>       |                                       |
 * | open households now     | STATS#OPEN            | TEAM#<teamId>       |                                       |
 * | break-glass grant       | HH#<householdId>      | GRANT#<key>         | GRANTS#<teamId> / <grantedAt>#<id>; gsi2: GRANTS#<teamId>#<open|reviewed> / the same |
 * | a person's grants' reach | USER#<userId>        | GRANTS (one attribute per household, `g_<householdId>`) |           |
 * | notification            | NOTE#<userId>         | N#<notificationId> (it starts with its `at`) |                     |
 * | a person's notifications | NOTE#<userId>        | STATE (version, unread count) |                                    |
 * | idempotency record      | IDEMPOTENCY#<function> | Powertools': <prefix>#<hash of the key> |                    |
 *
 * Everything about one household lives in its partition, so the dossier is one Query. Plan
 * versions have a partition of their own so that months of edits do not weigh on the dossier;
 * the processing log has one because it must outlive the household (TTL).
 * There is one PLAN item per household: a new plan may replace it only once it is closed, so
 * "at most one plan that is not closed" is one conditional write, not a read-then-write.
 * Look-ups hold only keyed hashes: no BSN or address is ever a key in clear text.
 */
import type { Assignee } from '../domain/tasks.ts';
import { logLineSortKey } from '../processing-log.ts';

export type Key = { pk: string; sk: string };

const HOUSEHOLD_PREFIX = 'HH#';

export const householdKey = (householdId: string): Key => ({ pk: householdPartition(householdId), sk: 'HOUSEHOLD' });

export const householdPartition = (householdId: string): string => `${HOUSEHOLD_PREFIX}${householdId}`;

/** Whether a partition key is a household's (`HH#…`), as a cursor's position must be for a household's task. */
export const isHouseholdPartition = (pk: string): boolean => pk.startsWith(HOUSEHOLD_PREFIX);

/**
 * The caseload is ordered by when a household came in, newest first: an order that never
 * changes, so paging cannot skip or repeat a household, and updates do not rewrite the index.
 */
export const caseloadSortKey = (createdAt: string, householdId: string): string => `${createdAt}#${householdId}`;

export const caseloadIndexKeys = (teamId: string, status: string, createdAt: string, householdId: string) => ({
  gsi1pk: caseloadPartition(teamId, status),
  gsi1sk: caseloadSortKey(createdAt, householdId),
});

/** The intake's public id is sealed (shared/intake-ids.ts): it names the intake, and only a function holding the look-up key reads its household from it. */
export const intakeKey = (householdId: string, intakeId: string): Key => ({
  pk: householdPartition(householdId),
  sk: `INTAKE#${intakeId}`,
});

export const planKey = (householdId: string): Key => ({ pk: householdPartition(householdId), sk: 'PLAN' });

export const planVersionsPartition = (householdId: string): string => `${householdPartition(householdId)}#PLAN-VERSIONS`;

const VERSION_DIGITS = 6;

export const planVersionKey = (householdId: string, planId: string, version: number): Key => ({
  pk: planVersionsPartition(householdId),
  sk: `${planId}#${String(version).padStart(VERSION_DIGITS, '0')}`,
});

/** The sort keys of a plan's versions lie between these two (versions 0 and 999999). */
export const planVersionBounds = (planId: string) => ({
  lower: `${planVersionPrefix(planId)}${'0'.repeat(VERSION_DIGITS)}`,
  upper: `${planVersionPrefix(planId)}${'9'.repeat(VERSION_DIGITS)}`,
});

export const planVersionPrefix = (planId: string): string => `${planId}#`;

export const ASSESSMENT_PREFIX = 'ASSESSMENT#';

export const assessmentKey = (householdId: string, assessedAt: string, assessmentId: string): Key => ({
  pk: householdPartition(householdId),
  sk: `${ASSESSMENT_PREFIX}${assessedAt}#${assessmentId}`,
});

export const ESCALATION_PREFIX = 'ESCALATION#';

export const escalationKey = (householdId: string, escalationKey: string): Key => ({
  pk: householdPartition(householdId),
  sk: `${ESCALATION_PREFIX}${escalationKey}`,
});

/** The city-wide queue of the doorbraakteam and the budget holders: escalations by status, oldest first. */
export const escalationQueueKeys = (status: string, submittedAt: string, escalationId: string) => ({
  gsi2pk: escalationQueuePartition(status),
  gsi2sk: `${submittedAt}#${escalationId}`,
});

export const escalationQueuePartition = (status: string): string => `${ESCALATION_PREFIX}${status}`;

/** The escalation id in a queue sort key (`<submittedAt>#<escalationId>`), or undefined when it is not one. */
export const escalationIdOfQueueSortKey = (sortKey: string): string | undefined => {
  const match = /^\d{4}-\d\d-\d\dT[^#]+#([A-Za-z0-9_.-]+)$/.exec(sortKey);
  return match?.[1];
};

export const caseloadPartition = (teamId: string, status: string): string => `TEAM#${teamId}#${status}`;

/**
 * The name index: one entry per member, in the household's partition, indexed under its team
 * once per word it is found by (at most three: gsi1, gsi2, gsi3). Searching a name is then one
 * Query per index and team; moving a household or renaming a member rewrites one item per member.
 */
export const NAME_PREFIX = 'NAME#';

export const nameEntryKey = (householdId: string, memberId: string): Key => ({
  pk: householdPartition(householdId),
  sk: `${NAME_PREFIX}${memberId}`,
});

export const namePartition = (teamId: string): string => `NAMES#${teamId}`;

/** The index key attributes of the indexes a name entry uses, one per word. */
export const NAME_INDEXES = [
  { indexName: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  { indexName: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
  { indexName: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk' },
] as const;

export const nameIndexKeys = (teamId: string, words: string[], householdId: string, memberId: string): Record<string, string> =>
  Object.fromEntries(
    words.slice(0, NAME_INDEXES.length).flatMap((word, i) => {
      const index = NAME_INDEXES[i];
      return index
        ? [
            [index.pk, namePartition(teamId)],
            [index.sk, `${word}#${householdId}#${memberId}`],
          ]
        : [];
    }),
  );

/**
 * Tasks (the work list) live in their household's partition, so closing or moving a household
 * finds them with the rest; gsi1 holds them by assignee (a person, a team, or a role such as the
 * doorbraakteam), gsi2 by the household's team for the team leader's view. Both sort by due date.
 */
export const TASK_PREFIX = 'TASK#';

export const taskKey = (householdId: string, taskKey: string): Key => ({
  pk: householdPartition(householdId),
  sk: `${TASK_PREFIX}${taskKey}`,
});

export function taskAssigneePartition(assignee: Assignee): string {
  if ('user' in assignee) return `TASKS#USER#${assignee.user}`;
  if ('team' in assignee) return `TASKS#TEAM#${assignee.team}`;
  if ('leaders' in assignee) return `TASKS#LEADERS#${assignee.leaders}`;
  return `TASKS#ROLE#${assignee.role}`;
}

export const teamTaskPartition = (teamId: string): string => `TEAMTASKS#${teamId}`;

export const taskSortKey = (dueDate: string, taskId: string): string => `${dueDate}#${taskId}`;

/** Whether a string has the shape of a task sort key (`<YYYY-MM-DD>#<taskId>`), as a cursor must. */
export const isTaskSortKey = (sortKey: string): boolean => /^\d{4}-\d\d-\d\d#[A-Za-z0-9_.-]+$/.test(sortKey);

export const CORRECTION_PREFIX = 'CORRECTION#';

export const correctionKey = (householdId: string, at: string, id: string): Key => ({
  pk: householdPartition(householdId),
  sk: `${CORRECTION_PREFIX}${at}#${id}`,
});

/**
 * Consents and disclosures (v1.2) are part of the household: in its partition, so that a
 * disclosure reads the household, its plan, its assessments and its consents in one Query, and
 * they expire with it. Their ids start with when they were made (`timeOrderedId`): a list by
 * prefix reads newest first.
 */
export const CONSENT_PREFIX = 'CONSENT#';

export const consentKey = (householdId: string, consentId: string): Key => ({
  pk: householdPartition(householdId),
  sk: `${CONSENT_PREFIX}${consentId}`,
});

export const DISCLOSURE_PREFIX = 'DISCLOSURE#';

export const disclosureKey = (householdId: string, disclosureId: string): Key => ({
  pk: householdPartition(householdId),
  sk: `${DISCLOSURE_PREFIX}${disclosureId}`,
});

/** Whether a string has the shape of a consent's or a disclosure's sort key, as a list's cursor must. */
export const isConsentSortKey = (sortKey: string): boolean => /^CONSENT#[A-Za-z0-9_-]{22}$/.test(sortKey);
export const isDisclosureSortKey = (sortKey: string): boolean => /^DISCLOSURE#[A-Za-z0-9_-]{22}$/.test(sortKey);

/**
 * The city's doorbraak precedents: one partition, read whole and filtered in the function. A city
 * publishes a few dozen a year, so even after decades the partition is a page or two of a Query.
 */
export const PRECEDENTS_PARTITION = 'PRECEDENTS';

export const precedentKey = (precedentId: string): Key => ({ pk: PRECEDENTS_PARTITION, sk: `PRECEDENT#${precedentId}` });

/**
 * Signals (vroegsignalering) live apart from households: a partner's data enters a household only
 * when help is accepted (rule 13), and a signal that led to no help expires with everything
 * under it. The team's outreach queue is gsi1 by team and status, oldest first; a signal attached
 * to an earlier one for the same address is not in it (its outreach is the earlier one's).
 */
const SIGNAL_PREFIX = 'SIGNAL#';
const SIGNAL_SORT_KEY = 'SIGNAL';

export const signalPartition = (signalId: string): string => `${SIGNAL_PREFIX}${signalId}`;

export const signalKey = (signalId: string): Key => ({ pk: signalPartition(signalId), sk: SIGNAL_SORT_KEY });

/** Whether a partition key is a signal's (`SIGNAL#…`), as a cursor's position must be for a signal or its outreach task. */
export const isSignalPartition = (pk: string): boolean => pk.startsWith(SIGNAL_PREFIX);

/** Whether a key is a signal item's own (`SIGNAL#<signalId>` / `SIGNAL`), as a queue cursor's position must be. */
export const isSignalKey = (key: { pk?: string; sk?: string }): boolean =>
  key.pk !== undefined && isSignalPartition(key.pk) && key.sk === SIGNAL_SORT_KEY;

export const signalTaskKey = (signalId: string, taskId: string): Key => ({ pk: signalPartition(signalId), sk: `${TASK_PREFIX}${taskId}` });

export const signalQueuePartition = (teamId: string, status: string): string => `SIGNALS#${teamId}#${status}`;

export const signalQueueKeys = (teamId: string, status: string, receivedAt: string, signalId: string) => ({
  gsi1pk: signalQueuePartition(teamId, status),
  gsi1sk: `${receivedAt}#${signalId}`,
});

/** Whether a string has the shape of a queue sort key (`<receivedAt>#<signalId>`), as a cursor must. */
export const isSignalQueueSortKey = (sortKey: string): boolean => /^\d{4}-\d\d-\d\dT[^#]+#[A-Za-z0-9_-]+$/.test(sortKey);

/** A partner's reference names its signal: a retry finds the first one (the reference is the partner's id, not personal data). */
export const signalReferenceKey = (partnerId: string, reference: string): Key => ({
  pk: `SIGREF#${partnerId}#${reference}`,
  sk: 'REFERENCE',
});

/** The outreach under way for an address (its keyed hash), which a second signal within 30 days joins. */
export const addressOutreachKey = (addressHash: string): Key => ({ pk: `SIGADDR#${addressHash}`, sk: 'OUTREACH' });

export const signalLogKey = (signalId: string, at: string, lineId: string): Key => ({
  pk: `LOG#${signalPartition(signalId)}`,
  sk: `${at}#${lineId}`,
});

export const bsnLookupKey = (bsnHash: string): Key => ({ pk: `BSN#${bsnHash}`, sk: 'LOOKUP' });

/** A person's own log (v1.2, a BRP look-up that found them): `LOG#PERSON#<bsnHash>` / `<at>#<lineId>`. */
export const personLogPartition = (personHash: string) => `LOG#PERSON#${personHash}`;
export const personLogKey = (personHash: string, at: string, lineId: string): Key => ({
  pk: personLogPartition(personHash),
  sk: logLineSortKey({ at, id: lineId }),
});

export const addressLookupKey = (addressHash: string): Key => ({ pk: `ADDR#${addressHash}`, sk: 'LOOKUP' });

export const ROSTER_PREFIX = 'MEMBER#';

export const rosterPartition = (teamId: string): string => `TEAM#${teamId}`;

export const rosterKey = (teamId: string, userId: string): Key => ({ pk: rosterPartition(teamId), sk: `${ROSTER_PREFIX}${userId}` });

/** On the household item: one attribute per member identity, so that a person is added once (see memberIdentity). */
export const memberIdentityAttribute = (identity: string): string => `member#${identity}`;

/** What the roster last recorded of one professional: teams, roles, and the teams a leader took them off. */
export const userRosterKey = (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'ROSTER' });

// Break-glass (v1.2 rule 17) ---------------------------------------------------------------------

export const GRANT_PREFIX = 'GRANT#';

export const grantKey = (householdId: string, key: string): Key => ({ pk: householdPartition(householdId), sk: `${GRANT_PREFIX}${key}` });

/** The team leaders' list: every grant on the team's households (gsi1), and those still to review or reviewed (gsi2). */
export const grantIndexKeys = (teamId: string, reviewed: boolean, grantedAt: string, grantId: string) => ({
  gsi1pk: grantsPartition(teamId),
  gsi1sk: grantSortKey(grantedAt, grantId),
  gsi2pk: grantsPartition(teamId, reviewed),
  gsi2sk: grantSortKey(grantedAt, grantId),
});

export const grantsPartition = (teamId: string, reviewed?: boolean): string =>
  `GRANTS#${teamId}${reviewed === undefined ? '' : reviewed ? '#reviewed' : '#open'}`;

const grantSortKey = (grantedAt: string, grantId: string): string => `${grantedAt}#${grantId}`;

/** Whether a string has the shape of a grant list's sort key, as its cursor must. */
export const isGrantSortKey = (sortKey: string): boolean => /^\d{4}-\d\d-\d\dT[^#]+#[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/.test(sortKey);

/**
 * What a person's grants reach, read by the HTTP pipeline at each request of an interventieteam
 * member on a household's route: one GetItem. Each household is an attribute of its own, so that
 * "one grant in force per person and household" is a condition on that attribute.
 */
export const reachGrantsKey = (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'GRANTS' });

export const REACH_GRANT_ATTRIBUTE_PREFIX = 'g_';

/** On the USER#…/ROSTER item: when a team leader took them off that team's roster. */
export const removedFromAttribute = (teamId: string): string => `removedFrom#${teamId}`;

export const processingLogPartition = (householdId: string): string => `LOG#${householdId}`;

/** Whether a string has the shape of a processing-log sort key (`<at>#<lineId>`), as a cursor must. */
export const isProcessingLogSortKey = (sortKey: string): boolean => /^\d{4}-\d\d-\d\dT[^#]+#[A-Za-z0-9_-]+$/.test(sortKey);

export const processingLogKey = (householdId: string, at: string, lineId: string): Key => ({
  pk: processingLogPartition(householdId),
  sk: logLineSortKey({ at, id: lineId }),
});

/** Counters per team: of a month (YYYY-MM, Europe/Amsterdam), or the running count of open households. */
export const statsKey = (teamId: string, month?: string): Key => ({ pk: `STATS#${month ?? 'OPEN'}`, sk: `TEAM#${teamId}` });

/**
 * A person's notifications (v1.2) and, beside them, the state a poll reads alone: a version that
 * every write and every mark-as-read raises (the ETag) and the unread count. Ids start with when
 * they were written, so a page is the partition backwards.
 */
export const notificationPartition = (userId: string): string => `NOTE#${userId}`;

export const NOTIFICATION_PREFIX = 'N#';

export const notificationKey = (userId: string, notificationId: string): Key => ({
  pk: notificationPartition(userId),
  sk: `${NOTIFICATION_PREFIX}${notificationId}`,
});

export const notificationStateKey = (userId: string): Key => ({ pk: notificationPartition(userId), sk: 'STATE' });

/** Whether a string has the shape of a notification's sort key, as a cursor's position must. */
export const isNotificationSortKey = (sortKey: string): boolean => /^N#[A-Za-z0-9_-]{22}$/.test(sortKey);

/** Idempotency records of Powertools share the table under one static partition per function. */
export const idempotencyPartition = (functionName: string): string => `IDEMPOTENCY#${functionName}`;

/**
 * The household's journal has a partition of its own, as plan versions do: years of entries
 * do not weigh on the dossier's Query. An entry id starts with when it happened (`timeOrderedId`),
 * so the partition reads in the journal's order and an entry is found by its id alone.
 */
export const journalPartition = (householdId: string): string => `${householdPartition(householdId)}#JOURNAL`;

export const journalEntryKey = (householdId: string, entryId: string): Key => ({ pk: journalPartition(householdId), sk: entryId });

/**
 * The household's timeline (gsi2): its journal entries and its processing-log lines of changes,
 * by when they happened. One index partition per household, so a page is one Query.
 */
export const timelinePartition = (householdId: string): string => `STORY#${householdId}`;

export const timelineIndexKeys = (householdId: string, at: string, id: string) => ({
  gsi2pk: timelinePartition(householdId),
  gsi2sk: `${at}#${id}`,
});

/**
 * The household item and its escalations lie side by side in its partition (`ESCALATION#…` sorts
 * just before `HOUSEHOLD`, nothing between them): one Query reads what decides a household's reach.
 */
export const householdReachRange = (householdId: string) => ({
  pk: householdPartition(householdId),
  from: ESCALATION_PREFIX,
  to: householdKey(householdId).sk,
});
