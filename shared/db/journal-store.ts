import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Household } from '../domain/household.ts';
import { isId } from '../ids.ts';
import type { JournalStore, TimelineRecord } from '../use-cases/ports.ts';
import { queryAll, transactWrite } from './client.ts';
import {
  householdKey,
  householdReachRange,
  isProcessingLogSortKey,
  journalEntryKey,
  journalPartition,
  processingLogPartition,
  timelinePartition,
} from './keys.ts';
import { appendProcessingLog } from './processing-log-store.ts';
import { ESCALATION, EscalationRecord } from './records/escalation.ts';
import { HOUSEHOLD, HouseholdRecord } from './records/household.ts';
import { JOURNAL_ENTRY, journalEntryItem, parseJournalEntry } from './records/journal.ts';
import { notificationWrites } from './records/notification.ts';
import { PROCESSING_LOG, parseProcessingLogLine, processingLogItem } from './records/processing-log.ts';
import { recordsOf } from './records/record.ts';
import { taskWrites } from './records/task.ts';
import { TIMELINE_INDEX } from './table-schema.ts';

type Item = Record<string, unknown>;

/** The household's whole journal, newest first (an export, a disclosure's package): one Query of its partition, paged through. */
export async function everyJournalEntry(db: DynamoDBDocumentClient, table: string, householdId: string) {
  const items = await queryAll(db, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': journalPartition(householdId) },
  });
  return items.flatMap((item) => parseJournalEntry(item) ?? []).reverse();
}

export function dynamoJournalStore(db: DynamoDBDocumentClient, table: string): JournalStore {
  /** The entry is written only while the household is open and still with the team that was read (its reach). */
  const householdUnchanged = (household: Household) => ({
    ConditionCheck: {
      TableName: table,
      Key: householdKey(household.id),
      ConditionExpression: '#status = :open AND teamId = :team',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':open': 'open', ':team': household.teamId },
    },
  });

  return {
    async reachRecords(householdId) {
      // The household and its escalations (the doorbraakteam's reach) in one Query: their sort keys
      // lie side by side, `ESCALATION#…` just before `HOUSEHOLD`.
      const range = householdReachRange(householdId);
      const page = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': range.pk, ':from': range.from, ':to': range.to },
        }),
      );
      const items = page.Items ?? [];
      const household = recordsOf(HOUSEHOLD, HouseholdRecord, items)[0];
      return { household, escalations: recordsOf(ESCALATION, EscalationRecord, items) };
    },

    async getEntry(householdId, entryId) {
      if (!isId(entryId)) return undefined;
      const { Item: item } = await db.send(new GetCommand({ TableName: table, Key: journalEntryKey(householdId, entryId) }));
      return parseJournalEntry(item);
    },

    async addEntry(household, entry, log, doneTasks, notifications = []) {
      await transactWrite(
        db,
        [
          {
            // Counted on the household, which closing checks: an entry written while it closes fails the one or the other.
            Update: {
              TableName: table,
              Key: householdKey(household.id),
              UpdateExpression: 'ADD journalEntries :one',
              ConditionExpression: '#status = :open AND teamId = :team',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':open': 'open', ':team': household.teamId, ':one': 1 },
            },
          },
          { Put: { TableName: table, Item: journalEntryItem(entry), ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: table, Item: processingLogItem(log) } },
          ...taskWrites(table, household.id, { put: [], remove: doneTasks }),
          ...notificationWrites(table, notifications),
        ],
        'household closed or moved',
      );
    },

    async correctEntry(household, before, corrected, log) {
      await transactWrite(
        db,
        [
          householdUnchanged(household),
          {
            Put: {
              TableName: table,
              Item: journalEntryItem(corrected),
              // Over the entry as read: a correction meanwhile is never lost under this one.
              ConditionExpression: 'size(corrections) = :corrections',
              ExpressionAttributeValues: { ':corrections': before.corrections.length },
            },
          },
          { Put: { TableName: table, Item: processingLogItem(log) } },
        ],
        'journal entry corrected meanwhile',
      );
    },

    async entries(householdId, limit, after) {
      const pk = journalPartition(householdId);
      const page = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
          Limit: limit,
          ...(after ? { ExclusiveStartKey: { pk, sk: after } } : {}),
        }),
      );
      const items = (page.Items ?? []).flatMap((item) => {
        const entry = parseJournalEntry(item);
        return entry && typeof item.sk === 'string' ? [{ ...entry, sortKey: item.sk }] : [];
      });
      const next = page.LastEvaluatedKey?.sk;
      return typeof next === 'string' ? { items, next } : { items };
    },

    isJournalPosition: (after) => isId(after),

    async timeline(householdId, limit, after) {
      const page = await db.send(
        new QueryCommand({
          TableName: table,
          IndexName: TIMELINE_INDEX,
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': timelinePartition(householdId) },
          ScanIndexForward: false,
          Limit: limit,
          ...(after ? { ExclusiveStartKey: after } : {}),
        }),
      );
      const items = (page.Items ?? []).flatMap((item): TimelineRecord[] => timelineRecord(item));
      const last = page.LastEvaluatedKey;
      return last ? { items, next: stringsOf(last) } : { items };
    },

    isTimelinePosition(after, householdId) {
      const { pk, sk, gsi2pk, gsi2sk, ...rest } = after;
      if (Object.keys(rest).length > 0 || gsi2pk !== timelinePartition(householdId)) return false;
      if (typeof gsi2sk !== 'string' || typeof sk !== 'string') return false;
      // The index's sort key is `<at>#<id>`: a log line's is its own sort key, an entry's ends with its id.
      if (pk === journalPartition(householdId)) return isId(sk) && isProcessingLogSortKey(gsi2sk) && gsi2sk.endsWith(`#${sk}`);
      return pk === processingLogPartition(householdId) && isProcessingLogSortKey(sk) && gsi2sk === sk;
    },

    appendProcessingLog: (lines) => appendProcessingLog(db, table, lines),
  };
}

function timelineRecord(item: Item): TimelineRecord[] {
  if (item.type === JOURNAL_ENTRY) {
    const entry = parseJournalEntry(item);
    return entry ? [{ kind: 'journal', entry }] : [];
  }
  if (item.type === PROCESSING_LOG) {
    const line = parseProcessingLogLine(item);
    return line ? [{ kind: 'change', line }] : [];
  }
  return [];
}

/** A LastEvaluatedKey of the timeline index: four strings (the table's and the index's keys). */
function stringsOf(key: Item): Record<string, string> {
  return Object.fromEntries(Object.entries(key).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
}
