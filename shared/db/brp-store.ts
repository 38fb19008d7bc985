import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PersonLogLine } from '../processing-log.ts';
import type { BrpLookupStore } from '../use-cases/brp.ts';
import { batchPut } from './client.ts';
import { personLogItem } from './records/processing-log.ts';

/** A BRP look-up's lines, one per person found, in one BatchWriteItem (per 25). */
export function dynamoBrpStore(db: DynamoDBDocumentClient, table: string): BrpLookupStore {
  return {
    appendPersonLog: (lines: PersonLogLine[]) => (lines.length === 0 ? Promise.resolve() : batchPut(db, table, lines.map(personLogItem))),
  };
}
