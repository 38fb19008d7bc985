import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { outreachTaskId } from '../domain/signal.ts';
import type { SignalStore } from '../use-cases/ports.ts';
import { batchGet, batchPut, transactWrite } from './client.ts';
import { counterUpdates } from './counters.ts';
import { existingHouseholdRegistrationWrites, newHouseholdRegistrationWrites } from './intake-store.ts';
import {
  addressLookupKey,
  addressOutreachKey,
  bsnLookupKey,
  isSignalKey,
  isSignalQueueSortKey,
  signalKey,
  signalQueuePartition,
  signalReferenceKey,
  signalTaskKey,
} from './keys.ts';
import { checkedPosition, isMergedPosition, mergedPage, type PartitionPosition } from './merged-page.ts';
import { readHousehold } from './records/household.ts';
import { notificationWrites } from './records/notification.ts';
import { signalLogItem } from './records/processing-log.ts';
import {
  addressOutreachItem,
  parseAddressOutreach,
  parseSignal,
  parseSignalReference,
  signalItem,
  signalReferenceItem,
} from './records/signal.ts';
import { taskItem } from './records/task.ts';
import { CASELOAD_INDEX } from './table-schema.ts';

const BY_QUEUE = { indexName: CASELOAD_INDEX, pk: 'gsi1pk', sk: 'gsi1sk', keyAttributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'] } as const;

const isQueueKey = (key: Record<string, string>) => isSignalKey(key) && isSignalQueueSortKey(key.gsi1sk ?? '');

export function dynamoSignalStore(db: DynamoDBDocumentClient, table: string): SignalStore {
  const put = (Item: Record<string, unknown>, ConditionExpression?: string, values?: Record<string, unknown>) => ({
    Put: {
      TableName: table,
      Item,
      ...(ConditionExpression ? { ConditionExpression } : {}),
      ...(values ? { ExpressionAttributeValues: values } : {}),
    },
  });
  const partitionsOf = (teamId: string, statuses: readonly string[]) => statuses.map((status) => signalQueuePartition(teamId, status));

  /** The signal's new state, on the condition that it is still the version read (attempts and outcomes never overwrite each other). */
  const signalUpdate = (
    before: { id: string; version: number },
    after: Parameters<SignalStore['recordAttempt']>[0]['signal'],
    expiresAt?: number,
  ) => ({
    Put: {
      TableName: table,
      Item: signalItem(after, expiresAt),
      ConditionExpression: 'version = :version',
      ExpressionAttributeValues: { ':version': before.version },
    },
  });

  return {
    async beforeReceipt({ partnerId, reference, bsnHash, addressHash }) {
      const items = await batchGet(db, table, [
        signalReferenceKey(partnerId, reference),
        ...(bsnHash ? [bsnLookupKey(bsnHash)] : []),
        addressLookupKey(addressHash),
        addressOutreachKey(addressHash),
      ]);
      const byPk = (pk: string) => items.find((item) => item.pk === pk);
      const bsnMatch = bsnHash ? byPk(bsnLookupKey(bsnHash).pk) : undefined;
      const addressMatch = byPk(addressLookupKey(addressHash).pk);
      const found = {
        reference: parseSignalReference(byPk(signalReferenceKey(partnerId, reference).pk)),
        outreach: parseAddressOutreach(byPk(addressOutreachKey(addressHash).pk)),
        matches: {
          byBsn: bsnHash && bsnMatch ? [{ bsnHash, householdId: String(bsnMatch.householdId) }] : [],
          ...(addressMatch ? { byAddress: String(addressMatch.householdId) } : {}),
        },
      };
      return found;
    },

    getHousehold: (householdId) => readHousehold(db, table, householdId),

    async receive({ signal, expiresAt, bodyDigest, addressHash, outreach, task, log, counters, notifications = [] }) {
      const joined = {
        id: signal.id,
        partnerId: signal.partnerId,
        kind: signal.kind,
        arrears: signal.arrears,
        since: signal.since,
        receivedAt: signal.receivedAt,
      };
      const outreachWrites =
        outreach.kind === 'join'
          ? [
              {
                // The lead learns of the signal joining its outreach, while it has no outcome. A new
                // version: an attempt or outcome written from the lead as read before would drop it.
                Update: {
                  TableName: table,
                  Key: signalKey(outreach.leadId),
                  UpdateExpression: 'SET attached = list_append(attached, :one) ADD version :inc',
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(outcome)',
                  ExpressionAttributeValues: { ':inc': 1, ':one': [joined] },
                },
              },
              {
                // Still that lead's outreach (an outcome ends it), with room for one more.
                Update: {
                  TableName: table,
                  Key: addressOutreachKey(addressHash),
                  UpdateExpression: 'ADD joined :inc',
                  ConditionExpression: 'signalId = :lead AND (attribute_not_exists(joined) OR joined < :max)',
                  ExpressionAttributeValues: { ':inc': 1, ':lead': outreach.leadId, ':max': outreach.maxJoined },
                },
              },
            ]
          : outreach.kind === 'lead'
            ? [
                put(
                  addressOutreachItem(addressHash, outreach.record, outreach.expiresAt),
                  // A new outreach for the address: none yet, or the one read (ended, or its 30 days over, not yet deleted by TTL).
                  outreach.replaces ? 'receivedAt = :previous' : 'attribute_not_exists(pk)',
                  outreach.replaces ? { ':previous': outreach.replaces } : undefined,
                ),
              ]
            : [];
      await transactWrite(
        db,
        [
          put(signalItem(signal, expiresAt), 'attribute_not_exists(pk)'),
          put(
            signalReferenceItem(
              signal.partnerId,
              signal.reference,
              { signalId: signal.id, bodyDigest, receivedAt: signal.receivedAt },
              expiresAt,
            ),
            'attribute_not_exists(pk)',
          ),
          ...outreachWrites,
          ...(task ? [put(taskItem(task, expiresAt))] : []),
          put(signalLogItem(log)),
          ...counterUpdates(table, counters),
          ...notificationWrites(table, notifications),
        ],
        'signal reference or address outreach taken',
      );
    },

    async getSignal(signalId) {
      const out = await db.send(new GetCommand({ TableName: table, Key: signalKey(signalId), ConsistentRead: true }));
      return parseSignal(out.Item);
    },

    isQueuePosition: (value: unknown, teamId: string, statuses: readonly string[]): value is Record<string, PartitionPosition> =>
      isMergedPosition(value, partitionsOf(teamId, statuses), BY_QUEUE, isQueueKey),

    async queue(teamId, statuses, limit, after) {
      const partitions = partitionsOf(teamId, statuses);
      const position = checkedPosition(after, partitions, BY_QUEUE, isQueueKey);
      const { items, next } = await mergedPage(db, {
        table,
        ...BY_QUEUE,
        partitions,
        limit,
        ...(position ? { after: position } : {}),
      });
      const signals = items.flatMap((item) => parseSignal(item) ?? []);
      return next ? { signals, next } : { signals };
    },

    async recordAttempt({ before, signal, expiresAt, log, counters }) {
      await transactWrite(
        db,
        [signalUpdate(before, signal, expiresAt), put(signalLogItem(log)), ...counterUpdates(table, counters)],
        'signal changed',
      );
    },

    async recordOutcome({ before, signal, expiresAt, log, counters, registration, endOutreach }) {
      const keep = !expiresAt;
      await transactWrite(
        db,
        [
          signalUpdate(before, signal, expiresAt),
          { Delete: { TableName: table, Key: signalTaskKey(signal.id, outreachTaskId(signal.id)) } },
          ...(endOutreach
            ? [
                {
                  Delete: {
                    TableName: table,
                    Key: addressOutreachKey(endOutreach.addressHash),
                    ConditionExpression: 'signalId = :lead',
                    ExpressionAttributeValues: { ':lead': signal.id },
                  },
                },
              ]
            : []),
          // Help accepted: the signals of the outreach no longer expire (the household's case file holds what came of them).
          ...(keep
            ? signal.attached.map((attached) => ({
                Update: {
                  TableName: table,
                  Key: signalKey(attached.id),
                  UpdateExpression: 'REMOVE expiresAt',
                  ConditionExpression: 'attribute_exists(pk)',
                },
              }))
            : []),
          put(signalLogItem(log)),
          // The signal's counters and the registration's in one update per team and month.
          ...counterUpdates(table, [...counters, ...(registration?.change.counters ?? [])]),
          ...(registration
            ? registration.kind === 'new'
              ? newHouseholdRegistrationWrites(table, { ...registration.change, counters: [] })
              : existingHouseholdRegistrationWrites(table, { ...registration.change, counters: [] })
            : []),
        ],
        'signal or household changed',
      );
    },

    async appendSignalLog(lines) {
      await batchPut(
        db,
        table,
        lines.map((line) => signalLogItem(line)),
      );
    },
  };
}
