import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Household } from '../domain/household.ts';
import { isId } from '../ids.ts';
import type { NetworkStore } from '../use-cases/ports.ts';
import { queryPage, transactWrite } from './client.ts';
import { dynamoHouseholdStore } from './household-store.ts';
import { everyJournalEntry } from './journal-store.ts';
import {
  CONSENT_PREFIX,
  consentKey,
  DISCLOSURE_PREFIX,
  householdKey,
  householdPartition,
  isConsentSortKey,
  isDisclosureSortKey,
} from './keys.ts';
import { appendProcessingLog } from './processing-log-store.ts';
import { consentItem, disclosureItem, parseConsent, parseDisclosure } from './records/consent.ts';
import { notificationWrites } from './records/notification.ts';
import { processingLogItem } from './records/processing-log.ts';

/** Consents and disclosures (v1.2): items of the household's partition, each change one transaction with its log line. */
export function dynamoNetworkStore(db: DynamoDBDocumentClient, table: string): NetworkStore {
  const households = dynamoHouseholdStore(db, table);

  /**
   * The household is still open and with the team that was read; its `updatedAt` moves, so that
   * closing it (which expires what its partition holds, as read) cannot cross a new record.
   */
  const touchHousehold = (household: Household, now: string, asRead = false) => ({
    Update: {
      TableName: table,
      Key: householdKey(household.id),
      UpdateExpression: 'SET updatedAt = :now',
      // `asRead`: over the household as read too, so that a party ended or a member gone meanwhile fails it (read again).
      ConditionExpression: `#status = :open AND teamId = :team${asRead ? ' AND version = :version' : ''}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':open': 'open',
        ':team': household.teamId,
        ':now': now,
        ...(asRead ? { ':version': household.version } : {}),
      },
    },
  });

  const page = (prefix: string) => (householdId: string, limit: number, after?: string) => {
    const pk = householdPartition(householdId);
    return {
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ScanIndexForward: false,
      Limit: limit,
      ...(after ? { ExclusiveStartKey: { pk, sk: after } } : {}),
    };
  };
  const consentPage = page(CONSENT_PREFIX);
  const disclosurePage = page(DISCLOSURE_PREFIX);

  return {
    getHousehold: (householdId) => households.getHousehold(householdId),
    records: (householdId) => households.dossier(householdId),

    async getConsent(householdId, consentId) {
      if (!isId(consentId)) return undefined;
      const { Item: item } = await db.send(
        new GetCommand({ TableName: table, Key: consentKey(householdId, consentId), ConsistentRead: true }),
      );
      return parseConsent(item);
    },

    journal: (householdId) => everyJournalEntry(db, table, householdId),

    async addConsent(household, consent, log) {
      await transactWrite(
        db,
        [
          touchHousehold(household, consent.recordedAt),
          { Put: { TableName: table, Item: consentItem(consent), ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: table, Item: processingLogItem(log) } },
        ],
        'household closed or moved',
      );
    },

    async withdrawConsent(consent, withdrawal, log, notifications = []) {
      await transactWrite(
        db,
        [
          {
            Update: {
              TableName: table,
              Key: consentKey(consent.householdId, consent.id),
              // The count of disclosures made on it is copied as it stands at this write: none can follow it.
              UpdateExpression:
                'SET #status = :withdrawn, withdrawnAt = :at, withdrawnBy = :by, disclosuresBeforeWithdrawal = if_not_exists(disclosureCount, :zero)' +
                (withdrawal.reason ? ', withdrawalReason = :reason' : ''),
              ConditionExpression: '#status = :given',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':withdrawn': 'withdrawn',
                ':given': 'given',
                ':at': withdrawal.at,
                ':by': withdrawal.by,
                ':zero': 0,
                ...(withdrawal.reason ? { ':reason': withdrawal.reason } : {}),
              },
            },
          },
          { Put: { TableName: table, Item: processingLogItem(log) } },
          ...notificationWrites(table, notifications),
        ],
        'consent withdrawn meanwhile',
      );
    },

    async disclose(household, disclosure, consentIds, log) {
      await transactWrite(
        db,
        [
          touchHousehold(household, disclosure.at, true),
          // Rule 16 at the moment of writing: every consent of the basis is still given (a withdrawal
          // committed first fails this transaction), and it counts the disclosure made on it.
          ...consentIds.map((consentId) => ({
            Update: {
              TableName: table,
              Key: consentKey(household.id, consentId),
              UpdateExpression: 'ADD disclosureCount :one',
              ConditionExpression: '#status = :given',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':given': 'given', ':one': 1 },
            },
          })),
          { Put: { TableName: table, Item: disclosureItem(disclosure), ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: table, Item: processingLogItem(log) } },
        ],
        'consent withdrawn or household changed meanwhile',
      );
    },

    consents: (householdId, limit, after) => queryPage(db, consentPage(householdId, limit, after), parseConsent),
    disclosures: (householdId, limit, after) => queryPage(db, disclosurePage(householdId, limit, after), parseDisclosure),

    isConsentPosition: isConsentSortKey,
    isDisclosurePosition: isDisclosureSortKey,

    appendProcessingLog: (lines) => appendProcessingLog(db, table, lines),
  };
}
