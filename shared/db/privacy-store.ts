import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { invalidCursor } from '../cursor.ts';
import type { PrivacyStore } from '../use-cases/ports.ts';
import { queryAll, queryPage } from './client.ts';
import { dynamoHouseholdStore } from './household-store.ts';
import { everyJournalEntry } from './journal-store.ts';
import { isProcessingLogSortKey, planVersionsPartition, processingLogPartition } from './keys.ts';
import { appendProcessingLog } from './processing-log-store.ts';
import { PLAN_VERSION, parsePlanVersion } from './records/plan.ts';
import { PROCESSING_LOG, parseProcessingLogLine } from './records/processing-log.ts';

export function dynamoPrivacyStore(db: DynamoDBDocumentClient, table: string): PrivacyStore {
  const households = dynamoHouseholdStore(db, table);

  const all = async (pk: string) =>
    queryAll(db, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } });

  return {
    getHousehold: (householdId) => households.getHousehold(householdId),

    async processingLog(householdId, limit, after, member) {
      if (after !== undefined && !isProcessingLogSortKey(after)) {
        throw invalidCursor();
      }
      const pk = processingLogPartition(householdId);
      return queryPage(
        db,
        {
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          // One person's subject access request: the lines that name them (a page may then hold fewer than `limit`).
          ...(member ? { FilterExpression: 'contains(dataSubjects, :member)' } : {}),
          ExpressionAttributeValues: { ':pk': pk, ...(member ? { ':member': member } : {}) },
          ScanIndexForward: false,
          Limit: limit,
          ...(after ? { ExclusiveStartKey: { pk, sk: after } } : {}),
        },
        parseProcessingLogLine,
      );
    },

    async everything(householdId) {
      const [records, planVersions, journal, processingLog] = await Promise.all([
        households.dossier(householdId),
        all(planVersionsPartition(householdId)),
        everyJournalEntry(db, table, householdId),
        all(processingLogPartition(householdId)),
      ]);
      return {
        ...(records ? { records } : {}),
        planVersions: planVersions.filter((item) => item.type === PLAN_VERSION).flatMap((item) => parsePlanVersion(item) ?? []),
        journal,
        processingLog: processingLog.filter((item) => item.type === PROCESSING_LOG).flatMap((item) => parseProcessingLogLine(item) ?? []),
      };
    },

    appendProcessingLog: (lines) => appendProcessingLog(db, table, lines),
  };
}
