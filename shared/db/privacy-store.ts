import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Plan } from '../domain/plan.ts';
import { invalidInput } from '../errors.ts';
import type { ProcessingLogLine } from '../processing-log.ts';
import type { PrivacyStore } from '../use-cases/ports.ts';
import { entityOf } from './client.ts';
import { dynamoHouseholdStore } from './household-store.ts';
import { planVersionsPartition, processingLogPartition } from './keys.ts';
import { appendProcessingLog } from './processing-log-store.ts';

export function dynamoPrivacyStore(db: DynamoDBDocumentClient, table: string): PrivacyStore {
  const households = dynamoHouseholdStore(db, table);

  const queryAll = async <T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> => {
    const items: T[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await db.send(new QueryCommand({ TableName: table, ...input, ExclusiveStartKey }));
      items.push(...(page.Items ?? []).map((item) => entityOf<T>(item) as T));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  };

  return {
    getHousehold: (householdId) => households.getHousehold(householdId),

    async processingLog(householdId, limit, after) {
      if (after !== undefined && !/^\d{4}-\d\d-\d\dT[^#]+#[A-Za-z0-9_-]+$/.test(after)) {
        throw invalidInput('The cursor is not one this list gave out.', [
          { name: 'cursor', code: 'invalid_cursor', reason: 'use nextCursor as returned' },
        ]);
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
        queryAll<Plan>({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': planVersionsPartition(householdId) } }),
        queryAll<ProcessingLogLine>({
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': processingLogPartition(householdId) },
        }),
      ]);
      return { ...(records ? { records } : {}), planVersions, processingLog };
    },

    appendProcessingLog: (lines) => appendProcessingLog(db, table, lines),
  };
}
