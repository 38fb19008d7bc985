import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { invalidCursor } from '../cursor.ts';
import type { Plan } from '../domain/plan.ts';
import type { ProcessingLogLine } from '../processing-log.ts';
import type { PrivacyStore } from '../use-cases/ports.ts';
import { entityOf, queryAll } from './client.ts';
import { dynamoHouseholdStore } from './household-store.ts';
import { isProcessingLogSortKey, planVersionsPartition, processingLogPartition } from './keys.ts';
import { appendProcessingLog } from './processing-log-store.ts';

export function dynamoPrivacyStore(db: DynamoDBDocumentClient, table: string): PrivacyStore {
  const households = dynamoHouseholdStore(db, table);

  const all = async <T>(pk: string) =>
    (await queryAll(db, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } })).map(
      (item) => entityOf<T>(item) as T,
    );

  return {
    getHousehold: (householdId) => households.getHousehold(householdId),

    async processingLog(householdId, limit, after) {
      if (after !== undefined && !isProcessingLogSortKey(after)) {
        throw invalidCursor();
      }
      const pk = processingLogPartition(householdId);
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
      const items = (page.Items ?? []).map((item) => entityOf<ProcessingLogLine>(item) as ProcessingLogLine);
      const next = page.LastEvaluatedKey?.sk as string | undefined;
      return next ? { items, next } : { items };
    },

    async everything(householdId) {
      const [records, planVersions, processingLog] = await Promise.all([
        households.dossier(householdId),
        all<Plan>(planVersionsPartition(householdId)),
        all<ProcessingLogLine>(processingLogPartition(householdId)),
      ]);
      return { ...(records ? { records } : {}), planVersions, processingLog };
    },

    appendProcessingLog: (lines) => appendProcessingLog(db, table, lines),
  };
}
