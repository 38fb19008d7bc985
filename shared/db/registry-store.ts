import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { BEFORE_DOORBRAAKTEAM } from '../domain/escalation.ts';
import { type Household, memberIdentity } from '../domain/household.ts';
import type { RegistryStore } from '../use-cases/ports.ts';
import { batchGet, queryAll, transactWrite } from './client.ts';
import { dynamoHouseholdStore } from './household-store.ts';
import {
  addressLookupKey,
  bsnLookupKey,
  ESCALATION_PREFIX,
  escalationQueuePartition,
  householdKey,
  householdPartition,
  memberIdentityAttribute,
  NAME_INDEXES,
  nameEntryKey,
  namePartition,
} from './keys.ts';
import { correctionItem } from './records/correction.ts';
import { ESCALATION, EscalationRecord } from './records/escalation.ts';
import { HOUSEHOLD, parseHousehold } from './records/household.ts';
import { lookupItem } from './records/lookup.ts';
import { nameEntryItem, parseNameEntry } from './records/name-entry.ts';
import { processingLogItem } from './records/processing-log.ts';
import { recordsOf } from './records/record.ts';
import { QUEUE_INDEX } from './table-schema.ts';

type Item = Record<string, unknown>;

/** Finding a household and keeping it right: look-ups, the name index, and corrections that move them in one transaction. */
export function dynamoRegistryStore(db: DynamoDBDocumentClient, table: string): RegistryStore {
  const households = dynamoHouseholdStore(db, table);
  const lookupKeyOf = (kind: 'bsn' | 'address', hash: string) => (kind === 'bsn' ? bsnLookupKey(hash) : addressLookupKey(hash));

  /**
   * The household item's update for a correction: the whole member list (and the rest) replaced,
   * only over the version read, with each member identity claimed or let go.
   */
  const householdUpdate = (before: Household, after: Household) => {
    const identities = (h: Household) => new Set(h.members.map((m) => memberIdentityAttribute(memberIdentity(m))));
    const [was, is] = [identities(before), identities(after)];
    const claimed = [...is].filter((name) => !was.has(name));
    const released = [...was].filter((name) => !is.has(name));
    const idOf = new Map(after.members.map((m) => [memberIdentityAttribute(memberIdentity(m)), m.id]));
    const names: Record<string, string> = { '#status': 'status', '#address': 'address' };
    const values: Item = {
      ':members': after.members,
      ':former': after.formerMembers ?? [],
      ':involved': after.involved ?? [],
      ':formerInvolved': after.formerInvolved ?? [],
      ':owned': after.ownedBsnHashes,
      ':address': after.address,
      ':addressHash': after.addressHash,
      ':now': after.updatedAt,
      ':read': before.version,
      ':next': after.version,
      ':open': 'open',
      ':team': before.teamId,
    };
    const sets = [
      'members = :members',
      'formerMembers = :former',
      'involved = :involved',
      'formerInvolved = :formerInvolved',
      'ownedBsnHashes = :owned',
      '#address = :address',
      'addressHash = :addressHash',
      'updatedAt = :now',
      'version = :next',
    ];
    const conditions = ['#status = :open', 'teamId = :team', 'version = :read'];
    claimed.forEach((name, i) => {
      names[`#claim${i}`] = name;
      values[`:claim${i}`] = idOf.get(name);
      sets.push(`#claim${i} = :claim${i}`);
      // The same person twice in one household (rule 1) loses here.
      conditions.push(`attribute_not_exists(#claim${i})`);
    });
    released.forEach((name, i) => {
      names[`#release${i}`] = name;
    });
    return {
      Update: {
        TableName: table,
        Key: householdKey(before.id),
        UpdateExpression: `SET ${sets.join(', ')}${released.length > 0 ? ` REMOVE ${released.map((_, i) => `#release${i}`).join(', ')}` : ''}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  };

  return {
    getHousehold: households.getHousehold,
    dossier: households.dossier,
    appendProcessingLog: households.appendProcessingLog,

    async lookup(kind, hash) {
      const { Item } = await db.send(new GetCommand({ TableName: table, Key: lookupKeyOf(kind, hash), ConsistentRead: true }));
      return typeof Item?.householdId === 'string' ? Item.householdId : undefined;
    },

    async householdWithLookups(householdId, lookups) {
      const items = await batchGet(db, table, [householdKey(householdId), ...lookups.map((l) => lookupKeyOf(l.kind, l.hash))]);
      const holders = new Map<string, string>();
      for (const l of lookups) {
        const found = items.find((item) => item.pk === lookupKeyOf(l.kind, l.hash).pk);
        if (typeof found?.householdId === 'string') holders.set(l.hash, found.householdId);
      }
      return { household: parseHousehold(items.find((item) => item.type === HOUSEHOLD)), holders };
    },

    async nameEntries(teamIds, prefix, bound) {
      let more = false;
      const pages = await Promise.all(
        teamIds.flatMap((teamId) =>
          NAME_INDEXES.map(async (index) => {
            const page = await db.send(
              new QueryCommand({
                TableName: table,
                IndexName: index.indexName,
                // The range of sort keys that start with the prefix: the same as begins_with on DynamoDB, and on
                // DynamoDB Local an index range rather than a walk through the team's whole partition (measured).
                KeyConditionExpression: '#pk = :team AND #sk BETWEEN :prefix AND :beyond',
                ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
                ExpressionAttributeValues: { ':team': namePartition(teamId), ':prefix': prefix, ':beyond': `${prefix}\uffff` },
                Limit: bound,
              }),
            );
            if (page.LastEvaluatedKey) more = true;
            const items = page.Items ?? [];
            return items.flatMap((item) => {
              const entry = parseNameEntry(item);
              // The word the entry was found by: the first part of its sort key in this index.
              return entry
                ? [{ householdId: entry.householdId, memberId: entry.memberId, word: String(item[index.sk]).split('#')[0] ?? '' }]
                : [];
            });
          }),
        ),
      );
      return { entries: pages.flat(), more };
    },

    async households(ids) {
      if (ids.length === 0) return [];
      const items = await batchGet(db, table, ids.map(householdKey));
      return items.flatMap((item) => parseHousehold(item) ?? []);
    },

    async householdsBeforeDoorbraakteam() {
      const queued = await Promise.all(
        BEFORE_DOORBRAAKTEAM.map((status) =>
          queryAll(db, {
            TableName: table,
            IndexName: QUEUE_INDEX,
            KeyConditionExpression: 'gsi2pk = :queue',
            ExpressionAttributeValues: { ':queue': escalationQueuePartition(status) },
            ProjectionExpression: 'householdId',
          }),
        ),
      );
      const ids = [...new Set(queued.flat().flatMap((item) => (typeof item.householdId === 'string' ? [item.householdId] : [])))];
      if (ids.length === 0) return [];
      const items = await batchGet(db, table, ids.map(householdKey));
      return items.flatMap((item) => parseHousehold(item) ?? []);
    },

    async hasEscalationBeforeDoorbraakteam(householdId) {
      const { Items } = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :escalation)',
          ExpressionAttributeValues: { ':pk': householdPartition(householdId), ':escalation': ESCALATION_PREFIX },
        }),
      );
      return recordsOf(ESCALATION, EscalationRecord, Items ?? []).some((e) => BEFORE_DOORBRAAKTEAM.includes(e.status));
    },

    async correct({ before, after, log, correction, lookups, nameEntries }) {
      await transactWrite(
        db,
        [
          householdUpdate(before, after),
          ...lookups.release.map(({ kind, hash }) => ({
            Delete: {
              TableName: table,
              Key: lookupKeyOf(kind, hash),
              ConditionExpression: 'attribute_not_exists(pk) OR householdId = :me',
              ExpressionAttributeValues: { ':me': before.id },
            },
          })),
          ...lookups.claim.map(({ kind, hash }) => ({
            Put: {
              TableName: table,
              Item: lookupItem(lookupKeyOf(kind, hash), before.id),
              // Held by another open household: the correction is refused (409).
              ConditionExpression: 'attribute_not_exists(pk) OR householdId = :me',
              ExpressionAttributeValues: { ':me': before.id },
            },
          })),
          ...nameEntries.put.map((member) => ({ Put: { TableName: table, Item: nameEntryItem(after.teamId, after.id, member) } })),
          ...nameEntries.remove.map((memberId) => ({ Delete: { TableName: table, Key: nameEntryKey(after.id, memberId) } })),
          { Put: { TableName: table, Item: correctionItem(correction) } },
          { Put: { TableName: table, Item: processingLogItem(log) } },
        ],
        'household changed, or a look-up is held by another household',
      );
    },
  };
}
