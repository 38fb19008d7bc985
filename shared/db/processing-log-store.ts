import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ProcessingLogLine } from '../processing-log.ts';
import { batchPut } from './client.ts';

import { processingLogItem } from './records/processing-log.ts';

/** Lines for reads: one PutItem for one line, one BatchWriteItem per 25 for a list. */
export async function appendProcessingLog(db: DynamoDBDocumentClient, table: string, lines: ProcessingLogLine[]): Promise<void> {
  if (lines.length === 1 && lines[0]) {
    await db.send(new PutCommand({ TableName: table, Item: processingLogItem(lines[0]) }));
    return;
  }
  await batchPut(db, table, lines.map(processingLogItem));
}
