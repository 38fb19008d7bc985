import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { errorName } from '../errors.ts';
import { parseHouseholdChildId } from '../ids.ts';
import type { PrecedentStore } from '../use-cases/ports.ts';
import { queryAll, transactWrite } from './client.ts';
import { escalationKey, PRECEDENTS_PARTITION, precedentKey } from './keys.ts';
import { parsePrecedent, precedentItem } from './records/precedent.ts';
import { processingLogItem } from './records/processing-log.ts';

export function dynamoPrecedentStore(db: DynamoDBDocumentClient, table: string): PrecedentStore {
  return {
    async publish(precedent, escalation, log) {
      const ids = parseHouseholdChildId(escalation.id);
      if (!ids) throw new Error('malformed escalation id');
      await transactWrite(
        db,
        [
          { Put: { TableName: table, Item: precedentItem(precedent), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Update: {
              TableName: table,
              Key: escalationKey(ids.householdId, ids.key),
              UpdateExpression: 'SET precedentId = :precedent',
              // One precedent per escalation; and the outcome copied from the status read still holds.
              ConditionExpression: 'attribute_not_exists(precedentId) AND #status = :read',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':precedent': precedent.id, ':read': escalation.status },
            },
          },
          { Put: { TableName: table, Item: processingLogItem(log) } },
        ],
        'a precedent exists, or the escalation moved on',
      );
    },

    async get(precedentId) {
      const { Item } = await db.send(new GetCommand({ TableName: table, Key: precedentKey(precedentId), ConsistentRead: true }));
      return parsePrecedent(Item);
    },

    async reword(precedentId, text, now) {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: table,
            Key: precedentKey(precedentId),
            // The text only: an evaluation recorded meanwhile (outcome) is never written back.
            UpdateExpression:
              'SET summary = :summary, blockingRule = :rule, organisations = :organisations, #domains = :domains, solution = :solution, updatedAt = :now',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#domains': 'domains' },
            ExpressionAttributeValues: {
              ':summary': text.summary,
              ':rule': text.blockingRule,
              ':organisations': text.organisations,
              ':domains': text.domains,
              ':solution': text.solution,
              ':now': now,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return parsePrecedent(Attributes);
      } catch (error) {
        if (errorName(error) === 'ConditionalCheckFailedException') return undefined;
        throw error;
      }
    },

    async all() {
      const items = await queryAll(db, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': PRECEDENTS_PARTITION },
      });
      return items.flatMap((item) => parsePrecedent(item) ?? []);
    },
  };
}
