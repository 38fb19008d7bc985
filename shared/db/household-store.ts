import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { invalidCursor } from '../cursor.ts';
import type { CounterChange } from '../domain/figures.ts';
import type { Household } from '../domain/household.ts';
import type { CaseloadPosition, HouseholdStore } from '../use-cases/ports.ts';
import { batchGet, queryAll, queryPage, transactWrite } from './client.ts';
import { counterUpdates } from './counters.ts';
import {
  ASSESSMENT_PREFIX,
  addressLookupKey,
  bsnLookupKey,
  caseloadPartition,
  householdKey,
  householdPartition,
  journalPartition,
  NAME_PREFIX,
  planKey,
  planVersionsPartition,
  rosterKey,
  TASK_PREFIX,
} from './keys.ts';
import { appendProcessingLog } from './processing-log-store.ts';
import { ASSESSMENT, AssessmentRecord, assessmentItem, parseAssessment } from './records/assessment.ts';
import { CONSENT, ConsentRecord, DISCLOSURE, DisclosureRecord } from './records/consent.ts';
import { CORRECTION, CorrectionRecord } from './records/correction.ts';
import { ESCALATION, EscalationRecord } from './records/escalation.ts';
import { GRANT, GrantRecord } from './records/grant.ts';
import { HOUSEHOLD, HouseholdRecord, parseHousehold, readHousehold } from './records/household.ts';
import { INTAKE, IntakeRecord } from './records/intake.ts';
import { nameEntryPuts } from './records/name-entry.ts';
import { notificationWrites } from './records/notification.ts';
import { PLAN, parsePlan } from './records/plan.ts';
import { processingLogItem } from './records/processing-log.ts';
import { ItemKey, recordsOf } from './records/record.ts';
import { ROSTER, RosterEntryRecord } from './records/roster.ts';
import { TASK, TaskRecord, taskWrites } from './records/task.ts';
import { CASELOAD_INDEX } from './table-schema.ts';

type Item = Record<string, unknown>;

const partition = <T>(items: T[], test: (item: T) => boolean): [T[], T[]] => [items.filter(test), items.filter((item) => !test(item))];

const MAX_TRANSACTION_ITEMS = 100;

export function dynamoHouseholdStore(db: DynamoDBDocumentClient, table: string): HouseholdStore {
  /** An update of the household alone, with its processing-log line, in one transaction. */
  const updateHousehold = async (
    household: Household,
    update: { expression: string; condition: string; names?: Record<string, string>; values: Item },
    log: Parameters<typeof processingLogItem>[0],
    what: string,
    counters: CounterChange[] = [],
    more: object[] = [],
  ) =>
    transactWrite(
      db,
      [
        {
          Update: {
            TableName: table,
            Key: householdKey(household.id),
            UpdateExpression: update.expression,
            ConditionExpression: update.condition,
            ExpressionAttributeNames: { '#status': 'status', ...update.names },
            ExpressionAttributeValues: update.values,
          },
        },
        { Put: { TableName: table, Item: processingLogItem(log) } },
        ...counterUpdates(table, counters),
        ...more,
      ],
      what,
    );

  /** The keys of every item in a partition (keys only: cheap to read). */
  const keysOf = async (pk: string) =>
    (
      await queryAll(db, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ProjectionExpression: 'pk, sk',
      })
    ).map((item) => ItemKey.parse(item));

  return {
    async caseload(teamIds, status, limit, after) {
      const pages = await Promise.all(
        teamIds.map(async (teamId): Promise<{ teamId: string; items: Item[]; more: boolean }> => {
          const position = after?.[teamId];
          if (position === 'done') return { teamId, items: [], more: false };
          const page: QueryCommandOutput = await db.send(
            new QueryCommand({
              TableName: table,
              IndexName: CASELOAD_INDEX,
              KeyConditionExpression: 'gsi1pk = :team',
              ExpressionAttributeValues: { ':team': caseloadPartition(teamId, status) },
              ScanIndexForward: false,
              Limit: limit,
              ...(position
                ? {
                    ExclusiveStartKey: {
                      gsi1pk: caseloadPartition(teamId, status),
                      gsi1sk: position.sortKey,
                      ...householdKey(position.householdId),
                    },
                  }
                : {}),
            }),
          );
          return { teamId, items: page.Items ?? [], more: page.LastEvaluatedKey !== undefined };
        }),
      );
      // k-way merge, newest first; each team's position is the last of its households this page shows.
      const merged = pages
        .flatMap((page) => page.items.map((item) => ({ teamId: page.teamId, item })))
        // In DynamoDB's order (by code unit, as the index sorts), never localeCompare: households
        // registered in the same millisecond would be ordered differently, and a page could repeat one.
        .sort((a, b) => (String(a.item.gsi1sk) < String(b.item.gsi1sk) ? 1 : String(a.item.gsi1sk) > String(b.item.gsi1sk) ? -1 : 0))
        .slice(0, limit);
      const next: CaseloadPosition = {};
      let anyLeft = false;
      for (const page of pages) {
        const shown = merged.filter((entry) => entry.teamId === page.teamId);
        const last = shown.at(-1)?.item;
        const allShown = shown.length === page.items.length;
        if (allShown && !page.more) {
          next[page.teamId] = 'done';
          continue;
        }
        anyLeft = true;
        const previous = after?.[page.teamId];
        // A team none of whose households made this page keeps its place (none: from its start).
        if (last) next[page.teamId] = { sortKey: String(last.gsi1sk), householdId: String(last.id) };
        else if (previous) next[page.teamId] = previous;
      }
      const households = merged.flatMap((entry) => parseHousehold(entry.item) ?? []);
      return anyLeft ? { households, next } : { households };
    },

    async dossier(householdId) {
      const items = await queryAll(db, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': householdPartition(householdId) },
      });
      const [household] = recordsOf(HOUSEHOLD, HouseholdRecord, items);
      if (!household) return undefined;
      const plan = parsePlan(items.find((item) => item.type === PLAN));
      return {
        household,
        intakes: recordsOf(INTAKE, IntakeRecord, items),
        ...(plan ? { plan } : {}),
        assessments: recordsOf(ASSESSMENT, AssessmentRecord, items),
        escalations: recordsOf(ESCALATION, EscalationRecord, items),
        corrections: recordsOf(CORRECTION, CorrectionRecord, items),
        // Their sort keys start with when they were made: newest first is the partition's order reversed.
        consents: recordsOf(CONSENT, ConsentRecord, items).reverse(),
        disclosures: recordsOf(DISCLOSURE, DisclosureRecord, items).reverse(),
        grants: recordsOf(GRANT, GrantRecord, items),
      };
    },

    async householdWithRoster(householdId, rosterChecks) {
      const items = await batchGet(db, table, [
        householdKey(householdId),
        planKey(householdId),
        ...rosterChecks.map((c) => rosterKey(c.teamId, c.userId)),
      ]);
      const plan = parsePlan(items.find((item) => item.type === PLAN));
      return {
        household: parseHousehold(items.find((item) => item.type === HOUSEHOLD)),
        ...(plan ? { plan } : {}),
        rosterHits: recordsOf(ROSTER, RosterEntryRecord, items),
      };
    },

    async householdAndTasks(householdId) {
      // HOUSEHOLD sorts before TASK#: one range of the partition, filtered to the two kinds, is one round trip.
      const items = await queryAll(db, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :household AND :tasksEnd',
        FilterExpression: '#type IN (:householdType, :taskType)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':pk': householdPartition(householdId),
          ':household': householdKey(householdId).sk,
          ':tasksEnd': `${TASK_PREFIX}\uffff`,
          ':householdType': HOUSEHOLD,
          ':taskType': TASK,
        },
        ConsistentRead: true,
      });
      return { household: parseHousehold(items.find((item) => item.type === HOUSEHOLD)), tasks: recordsOf(TASK, TaskRecord, items) };
    },

    getHousehold: (householdId) => readHousehold(db, table, householdId),

    appointRegisseur: (household, regisseur, now, log, tasks, notifications = []) =>
      updateHousehold(
        household,
        {
          expression: 'SET regisseur = :regisseur, updatedAt = :now',
          condition: '#status = :open AND teamId = :team',
          values: { ':regisseur': regisseur, ':now': now, ':open': 'open', ':team': household.teamId },
        },
        log,
        'household moved or closed',
        [],
        [...taskWrites(table, household.id, tasks), ...notificationWrites(table, notifications)],
      ),

    async transfer({ household, toTeamId, now, log, counters, tasks }) {
      // Found by name in the new team only; its tasks in the new team's view.
      const moving = [...nameEntryPuts(table, toTeamId, household.id, household.members), ...taskWrites(table, household.id, tasks)];
      const room = MAX_TRANSACTION_ITEMS - 2 - counters.length;
      await updateHousehold(
        household,
        {
          // The regisseur goes with the old team (rule 4: a member of the household's team); the new team's leader appoints one.
          // `movedAt` ends every break-glass grant taken before it, even once the household comes back (v1.2 rule 17).
          expression: 'SET teamId = :to, gsi1pk = :caseload, updatedAt = :now, movedAt = :now REMOVE regisseur',
          // Over the household as read: a member or an intake added meanwhile would keep its entry or task with the old team.
          condition: '#status = :open AND teamId = :from AND updatedAt = :read',
          values: {
            ':to': toTeamId,
            ':caseload': caseloadPartition(toTeamId, 'open'),
            ':now': now,
            ':open': 'open',
            ':from': household.teamId,
            ':read': household.updatedAt,
          },
        },
        log,
        'household moved or closed',
        counters,
        moving.slice(0, room),
      );
      // A very large household moves the rest of its entries and tasks right after (the old team no longer reaches it).
      const overflow = moving.slice(room);
      for (let start = 0; start < overflow.length; start += MAX_TRANSACTION_ITEMS) {
        await transactWrite(db, overflow.slice(start, start + MAX_TRANSACTION_ITEMS), 'household entries moved');
      }
    },

    async close({ household, reason, now, expiresAt, log, counters }) {
      // Retention: every record of the household expires with it (the processing log does not).
      const [records, versions, journal] = await Promise.all([
        keysOf(householdPartition(household.id)),
        keysOf(planVersionsPartition(household.id)),
        keysOf(journalPartition(household.id)),
      ]);
      const [leaveIndexes, keep] = partition(
        [...records, ...versions, ...journal].filter(
          (key) => key.sk !== householdKey(household.id).sk || key.pk !== householdKey(household.id).pk,
        ),
        // A closed household is no longer found by name nor waits in anyone's work list.
        (key) => key.sk.startsWith(NAME_PREFIX) || key.sk.startsWith(TASK_PREFIX),
      );
      const expire = [
        ...leaveIndexes.map((Key) => ({ Delete: { TableName: table, Key } })),
        ...keep.map((Key) => ({
          Update: {
            TableName: table,
            Key,
            UpdateExpression: 'SET expiresAt = :expiresAt',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':expiresAt': expiresAt },
          },
        })),
      ];
      const closing = [
        {
          Update: {
            TableName: table,
            Key: householdKey(household.id),
            UpdateExpression:
              'SET #status = :closed, closedAt = :now, closeReason = :reason, gsi1pk = :caseload, updatedAt = :now, expiresAt = :expiresAt',
            // The plan's status is kept on the household in the same transactions that change the plan.
            ConditionExpression:
              '#status = :open AND teamId = :team AND updatedAt = :read AND (attribute_not_exists(planStatus) OR planStatus = :closed) AND (attribute_not_exists(openEscalations) OR openEscalations = :none) AND ' +
              // The journal entries whose keys were read are all there are: one written meanwhile would not expire.
              (household.journalEntries === undefined ? 'attribute_not_exists(journalEntries)' : 'journalEntries = :journal'),
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':closed': 'closed',
              ':open': 'open',
              ':now': now,
              ':reason': reason,
              ':team': household.teamId,
              ':caseload': caseloadPartition(household.teamId, 'closed'),
              ':expiresAt': expiresAt,
              ':none': 0,
              ':read': household.updatedAt,
              ...(household.journalEntries === undefined ? {} : { ':journal': household.journalEntries }),
            },
          },
        },
        // Its look-ups go: a new intake for these people or this address starts a new household.
        ...household.ownedBsnHashes.map((hash) => ({ Delete: { TableName: table, Key: bsnLookupKey(hash) } })),
        { Delete: { TableName: table, Key: addressLookupKey(household.addressHash) } },
        { Put: { TableName: table, Item: processingLogItem(log) } },
        ...counterUpdates(table, counters),
      ];
      // Usually everything fits one transaction; a very long case marks its overflow right after.
      const room = Math.max(0, MAX_TRANSACTION_ITEMS - closing.length);
      await transactWrite(db, [...closing, ...expire.slice(0, room)], 'household has an open plan or changed');
      const overflow = expire.slice(room);
      for (let start = 0; start < overflow.length; start += MAX_TRANSACTION_ITEMS) {
        await transactWrite(db, overflow.slice(start, start + MAX_TRANSACTION_ITEMS), 'household record removed');
      }
    },

    async addAssessment(household, assessment, log) {
      await transactWrite(
        db,
        [
          {
            Put: {
              TableName: table,
              Item: assessmentItem(assessment),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: table,
              Key: householdKey(household.id),
              UpdateExpression: 'SET firstAssessment = if_not_exists(firstAssessment, :first), updatedAt = :now',
              ConditionExpression: '#status = :open',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':first': { id: assessment.id, scores: assessment.scores },
                ':now': assessment.assessedAt,
                ':open': 'open',
              },
            },
          },
          { Put: { TableName: table, Item: processingLogItem(log) } },
        ],
        'household closed',
      );
    },

    async assessments(householdId, limit, after) {
      if (after !== undefined && !after.startsWith(ASSESSMENT_PREFIX)) {
        throw invalidCursor();
      }
      const pk = householdPartition(householdId);
      return queryPage(
        db,
        {
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': ASSESSMENT_PREFIX },
          ScanIndexForward: false,
          Limit: limit,
          ...(after ? { ExclusiveStartKey: { pk, sk: after } } : {}),
        },
        parseAssessment,
      );
    },

    appendProcessingLog: (lines) => appendProcessingLog(db, table, lines),
  };
}
