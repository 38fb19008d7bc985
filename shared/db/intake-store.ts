import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type HouseholdMatches, memberIdentity } from '../domain/household.ts';
import type { IntakeStore } from '../use-cases/ports.ts';
import { batchGet, transactWrite } from './client.ts';
import { counterUpdates } from './counters.ts';
import { addressLookupKey, bsnLookupKey, householdKey, intakeKey, memberIdentityAttribute, rosterKey } from './keys.ts';
import { appendProcessingLog } from './processing-log-store.ts';
import { HOUSEHOLD, householdItem, parseHousehold, readHousehold } from './records/household.ts';
import { INTAKE, intakeItem, parseIntake } from './records/intake.ts';
import { lookupItem, parseLookup } from './records/lookup.ts';
import { nameEntryPuts } from './records/name-entry.ts';
import { notificationWrites } from './records/notification.ts';
import { processingLogItem } from './records/processing-log.ts';
import { recordsOf } from './records/record.ts';
import { ROSTER, RosterEntryRecord } from './records/roster.ts';
import { taskWrites } from './records/task.ts';

export function dynamoIntakeStore(db: DynamoDBDocumentClient, table: string): IntakeStore {
  const put = (Item: Record<string, unknown>, ConditionExpression?: string) => ({
    Put: { TableName: table, Item, ...(ConditionExpression ? { ConditionExpression } : {}) },
  });

  return {
    async findHouseholdMatches(bsnHashes, addressHash) {
      const keys = [...bsnHashes.map(bsnLookupKey), addressLookupKey(addressHash)];
      const items = await batchGet(db, table, keys);
      const householdOf = new Map(items.map(parseLookup).map((lookup) => [lookup.pk, lookup.householdId]));
      const matches: HouseholdMatches = { byBsn: [] };
      for (const bsnHash of bsnHashes) {
        const householdId = householdOf.get(bsnLookupKey(bsnHash).pk);
        if (householdId) matches.byBsn.push({ bsnHash, householdId });
      }
      const byAddress = householdOf.get(addressLookupKey(addressHash).pk);
      if (byAddress) matches.byAddress = byAddress;
      return matches;
    },

    getHousehold: (householdId) => readHousehold(db, table, householdId),

    async registerWithNewHousehold(change) {
      await transactWrite(db, newHouseholdRegistrationWrites(table, change), 'household look-up taken');
    },

    async registerInExistingHousehold(change) {
      await transactWrite(db, existingHouseholdRegistrationWrites(table, change), 'household changed');
    },

    async getIntake(householdId, intakeId, rosterChecks = []) {
      const items = await batchGet(db, table, [
        intakeKey(householdId, intakeId),
        householdKey(householdId),
        ...rosterChecks.map((check) => rosterKey(check.teamId, check.userId)),
      ]);
      const byType = (type: string) => items.find((item) => item.type === type);
      return {
        intake: parseIntake(byType(INTAKE)),
        household: parseHousehold(byType(HOUSEHOLD)),
        rosterHits: recordsOf(ROSTER, RosterEntryRecord, items),
      };
    },

    async saveTriage({ intake, householdNeedsPlan, now, log, counters, doneTasks, newTasks, notifications = [] }) {
      const household = householdKey(intake.householdId);
      await transactWrite(
        db,
        [
          {
            Update: {
              TableName: table,
              Key: intakeKey(intake.householdId, intake.id),
              UpdateExpression: 'SET #status = :triaged, #triage = :triage, #visible = :visible',
              ConditionExpression: '#status = :open',
              ExpressionAttributeNames: { '#status': 'status', '#triage': 'triage', '#visible': 'visibleToTeams' },
              ExpressionAttributeValues: {
                ':triaged': 'triaged',
                ':open': 'open',
                ':triage': intake.triage,
                ':visible': intake.visibleToTeams,
              },
            },
          },
          {
            // Always the household too: a transfer that read its tasks before this triage then fails rather than bringing the task back.
            Update: {
              TableName: table,
              Key: household,
              UpdateExpression: householdNeedsPlan ? 'SET needsPlan = :true, updatedAt = :now ADD version :one' : 'SET updatedAt = :now',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: householdNeedsPlan ? { ':true': true, ':now': now, ':one': 1 } : { ':now': now },
            },
          },
          put(processingLogItem(log)),
          ...counterUpdates(table, counters),
          ...taskWrites(table, intake.householdId, { put: newTasks, remove: doneTasks }),
          ...notificationWrites(table, notifications),
        ],
        'intake no longer open',
      );
    },

    appendProcessingLog: (lines) => appendProcessingLog(db, table, lines),
  };
}

type NewHouseholdRegistration = Parameters<IntakeStore['registerWithNewHousehold']>[0];
type ExistingHouseholdRegistration = Parameters<IntakeStore['registerInExistingHousehold']>[0];

const putItem = (table: string, Item: Record<string, unknown>, ConditionExpression?: string) => ({
  Put: { TableName: table, Item, ...(ConditionExpression ? { ConditionExpression } : {}) },
});

/** The writes of an intake that starts a household: one transaction, failing when a look-up was taken meanwhile. */
export function newHouseholdRegistrationWrites(
  table: string,
  { household, intake, bsnHashes, addressHash, log, counters, tasks }: NewHouseholdRegistration,
) {
  const fresh = 'attribute_not_exists(pk)';
  return [
    putItem(table, householdItem(household), fresh),
    putItem(table, intakeItem(intake), fresh),
    ...bsnHashes.map((hash) => putItem(table, lookupItem(bsnLookupKey(hash), household.id), fresh)),
    putItem(table, lookupItem(addressLookupKey(addressHash), household.id), fresh),
    putItem(table, processingLogItem(log)),
    ...counterUpdates(table, counters),
    ...nameEntryPuts(table, household.teamId, household.id, household.members),
    ...taskWrites(table, household.id, { put: tasks, remove: [] }),
  ];
}

/** The writes of an intake for an open household (members not yet known are added): one transaction. */
export function existingHouseholdRegistrationWrites(
  table: string,
  { household, addedMembers, now, newBsnHashes, intake, log, counters, tasks }: ExistingHouseholdRegistration,
) {
  const adding = addedMembers.length > 0;
  // Each added person claims their identity on the household: a concurrent registration of the
  // same person loses (and finds them known when it reads again); other people never contend.
  const identities = Object.fromEntries(addedMembers.map((member, i) => [`#member${i}`, memberIdentityAttribute(memberIdentity(member))]));
  const claims = addedMembers.map((member, i) => ({ name: `#member${i}`, value: `:member${i}`, id: member.id }));
  return [
    {
      Update: {
        TableName: table,
        Key: householdKey(household.id),
        UpdateExpression: adding
          ? `SET updatedAt = :now, members = list_append(members, :added), ownedBsnHashes = list_append(ownedBsnHashes, :owned), ${claims
              .map((c) => `${c.name} = ${c.value}`)
              .join(', ')} ADD version :one`
          : 'SET updatedAt = :now',
        // Still the team read: the intake's triage task and new name entries name it.
        ConditionExpression: ['#status = :open', 'teamId = :team', ...claims.map((c) => `attribute_not_exists(${c.name})`)].join(' AND '),
        ExpressionAttributeNames: { '#status': 'status', ...identities },
        ExpressionAttributeValues: {
          ':now': now,
          ':open': 'open',
          ':team': household.teamId,
          ...(adding ? { ':added': addedMembers, ':owned': newBsnHashes, ':one': 1 } : {}),
          ...Object.fromEntries(claims.map((c) => [c.value, c.id])),
        },
      },
    },
    putItem(table, intakeItem(intake), 'attribute_not_exists(pk)'),
    ...newBsnHashes.map((hash) => putItem(table, lookupItem(bsnLookupKey(hash), household.id), 'attribute_not_exists(pk)')),
    putItem(table, processingLogItem(log)),
    ...counterUpdates(table, counters),
    ...nameEntryPuts(table, household.teamId, household.id, addedMembers),
    ...taskWrites(table, household.id, { put: tasks, remove: [] }),
  ];
}
