import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { invalidCursor } from '../cursor.ts';
import type { ResidentStore } from '../use-cases/resident.ts';
import { queryPage } from './client.ts';
import { dynamoHouseholdStore } from './household-store.ts';
import { dynamoJournalStore } from './journal-store.ts';
import { isProcessingLogSortKey, personLogPartition } from './keys.ts';
import { dynamoNetworkStore } from './network-store.ts';
import { dynamoPlanStore } from './plan-store.ts';
import { dynamoPrivacyStore } from './privacy-store.ts';
import { parsePersonLogLine } from './records/processing-log.ts';
import { dynamoRegistryStore } from './registry-store.ts';

/** The resident's view (v1.2): the BSN's look-up and the household's partition, as the registry and the dossier read them. */
export function dynamoResidentStore(db: DynamoDBDocumentClient, table: string): ResidentStore {
  const households = dynamoHouseholdStore(db, table);
  const registry = dynamoRegistryStore(db, table);
  const journal = dynamoJournalStore(db, table);
  const privacy = dynamoPrivacyStore(db, table);
  const plans = dynamoPlanStore(db, table);
  const network = dynamoNetworkStore(db, table);
  return {
    lookup: (kind, hash) => registry.lookup(kind, hash),
    dossier: (householdId) => households.dossier(householdId),
    appendProcessingLog: (lines) => households.appendProcessingLog(lines),
    processingLog: (householdId, limit, after, member) => privacy.processingLog(householdId, limit, after, member),
    addEntry: (household, entry, log, doneTasks, notifications) => journal.addEntry(household, entry, log, doneTasks, notifications),
    savePlan: (change) => plans.savePlan(change),
    withdrawConsent: (consent, withdrawal, log, notifications) => network.withdrawConsent(consent, withdrawal, log, notifications),
    personLog: (personHash, limit, after) => {
      if (after !== undefined && !isProcessingLogSortKey(after)) throw invalidCursor();
      const pk = personLogPartition(personHash);
      return queryPage(
        db,
        {
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
          Limit: limit,
          ...(after ? { ExclusiveStartKey: { pk, sk: after } } : {}),
        },
        parsePersonLogLine,
      );
    },
  };
}
