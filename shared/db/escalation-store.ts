import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { invalidCursor } from '../cursor.ts';
import { type Escalation, type EscalationStatus, FINAL_STATUSES, type HistoryEvent } from '../domain/escalation.ts';
import { outcomeOf } from '../domain/precedent.ts';
import { escalationTaskId } from '../domain/tasks.ts';
import { parseHouseholdChildId } from '../ids.ts';
import type { EscalationStore } from '../use-cases/ports.ts';
import { batchGet, queryPage, transactWrite } from './client.ts';
import { counterUpdates } from './counters.ts';
import { escalationIdOfQueueSortKey, escalationKey, escalationQueuePartition, householdKey, planKey, precedentKey } from './keys.ts';
import { planSaveItems } from './plan-store.ts';
import { appendProcessingLog } from './processing-log-store.ts';
import { ESCALATION, escalationItem as escalationRecordItem, parseEscalation } from './records/escalation.ts';
import { HOUSEHOLD, parseHousehold } from './records/household.ts';
import { notificationWrites } from './records/notification.ts';
import { PLAN, parsePlan } from './records/plan.ts';
import { processingLogItem } from './records/processing-log.ts';
import { taskWrites } from './records/task.ts';
import { QUEUE_INDEX } from './table-schema.ts';

const keyOf = (escalation: Pick<Escalation, 'id'>) => {
  const ids = parseHouseholdChildId(escalation.id);
  if (!ids) throw new Error('malformed escalation id');
  return escalationKey(ids.householdId, ids.key);
};

export function dynamoEscalationStore(db: DynamoDBDocumentClient, table: string): EscalationStore {
  /** Appends to the history and sets fields; a new status moves the escalation to that queue. */
  const update = (
    escalation: Escalation,
    historyEvent: HistoryEvent,
    fields: Record<string, unknown>,
    remove: string[] = [],
    /** Statuses the escalation must not be in: a retried flow task then changes nothing. */
    notFrom: readonly string[] = [],
  ) => {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':event': [historyEvent], ':now': historyEvent.at };
    const sets = ['history = list_append(history, :event)', 'updatedAt = :now'];
    notFrom.forEach((status, i) => {
      values[`:not${i}`] = status;
    });
    if (notFrom.length > 0) names['#status'] = 'status';
    for (const [name, value] of Object.entries(fields)) {
      names[`#${name}`] = name;
      values[`:${name}`] = value;
      sets.push(`#${name} = :${name}`);
    }
    if (typeof fields.status === 'string') {
      values[':queue'] = escalationQueuePartition(fields.status);
      sets.push('gsi2pk = :queue');
    }
    return {
      TableName: table,
      Key: keyOf(escalation),
      // The answer that was pending is taken once the status it leads to is written (api.md precisions:
      // the old status with pendingAnswer, or the new status): recording the answer alone keeps it pending.
      UpdateExpression: `SET ${sets.join(', ')}${
        typeof fields.status === 'string' || remove.length > 0
          ? ` REMOVE ${[...(typeof fields.status === 'string' ? ['pendingAnswer'] : []), ...remove].join(', ')}`
          : ''
      }`,
      ConditionExpression:
        notFrom.length > 0
          ? `attribute_exists(pk) AND NOT (#status IN (${notFrom.map((_, i) => `:not${i}`).join(', ')}))`
          : 'attribute_exists(pk)',
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
    };
  };

  return {
    async read(householdId, key) {
      const items = await batchGet(db, table, [
        householdKey(householdId),
        planKey(householdId),
        ...(key ? [escalationKey(householdId, key)] : []),
      ]);
      const find = (type: string) => items.find((item) => item.type === type);
      return { household: parseHousehold(find(HOUSEHOLD)), plan: parsePlan(find(PLAN)), escalation: parseEscalation(find(ESCALATION)) };
    },

    async submit(escalation, log, counters) {
      await transactWrite(
        db,
        [
          {
            Put: {
              TableName: table,
              Item: escalationRecordItem(escalation, keyOf(escalation)),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: table,
              Key: householdKey(escalation.householdId),
              UpdateExpression: 'ADD openEscalations :one SET updatedAt = :now',
              ConditionExpression: '#status = :open',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':one': 1, ':now': escalation.submittedAt, ':open': 'open' },
            },
          },
          { Put: { TableName: table, Item: processingLogItem(log) } },
          ...counterUpdates(table, counters),
        ],
        'household closed',
      );
    },

    async queue(status: EscalationStatus, limit, after) {
      const afterId = after === undefined ? undefined : escalationIdOfQueueSortKey(after);
      if (after !== undefined && !parseHouseholdChildId(afterId ?? '')) {
        throw invalidCursor();
      }
      const partition = escalationQueuePartition(status);
      return queryPage(
        db,
        {
          TableName: table,
          IndexName: QUEUE_INDEX,
          KeyConditionExpression: 'gsi2pk = :queue',
          ExpressionAttributeValues: { ':queue': partition },
          Limit: limit,
          ...(after && afterId ? { ExclusiveStartKey: { gsi2pk: partition, gsi2sk: after, ...keyOf({ id: afterId }) } } : {}),
        },
        parseEscalation,
        'gsi2sk',
      );
    },

    async restoreAnswer(escalation, token, kind, task, log) {
      await transactWrite(
        db,
        [
          {
            Update: {
              TableName: table,
              Key: keyOf(escalation),
              UpdateExpression: 'SET taskToken = :token, awaiting = :kind REMOVE pendingAnswer',
              ConditionExpression: 'attribute_not_exists(taskToken) AND #status = :status',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':token': token, ':kind': kind, ':status': escalation.status },
            },
          },
          ...(task ? taskWrites(table, escalation.householdId, { put: [task], remove: [] }) : []),
          ...(log ? [{ Put: { TableName: table, Item: processingLogItem(log) } }] : []),
        ],
        'the flow moved on',
      );
    },

    async claimAnswer(escalation, token, pendingAnswer, log, doneTask, notifications = []) {
      await transactWrite(
        db,
        [
          {
            Update: {
              TableName: table,
              Key: keyOf(escalation),
              UpdateExpression: 'SET pendingAnswer = :pending REMOVE taskToken, awaiting',
              ConditionExpression: 'taskToken = :token',
              ExpressionAttributeValues: { ':token': token, ':pending': pendingAnswer },
            },
          },
          { Put: { TableName: table, Item: processingLogItem(log) } },
          ...taskWrites(table, escalation.householdId, { put: [], remove: doneTask ? [doneTask] : [] }),
          ...notificationWrites(table, notifications),
        ],
        'answer already taken',
      );
    },

    async awaitAnswer({ escalation, kind, status, token, event: historyEvent, answerDueAt, task }) {
      await transactWrite(
        db,
        [
          { Update: update(escalation, historyEvent, { status, awaiting: kind, taskToken: token, answerDueAt }) },
          ...(task ? taskWrites(table, escalation.householdId, { put: [task], remove: [] }) : []),
        ],
        'escalation missing',
      );
    },

    async recordEvent(escalation, historyEvent, fields = {}, counters = [], forget = []) {
      if (counters.length === 0) await db.send(new UpdateCommand(update(escalation, historyEvent, fields, forget)));
      else
        await transactWrite(
          db,
          [{ Update: update(escalation, historyEvent, fields, forget) }, ...counterUpdates(table, counters)],
          'escalation missing',
        );
    },

    async finish(escalation, status, historyEvent, counters = [], log = undefined) {
      const ending = update(escalation, historyEvent, { status }, ['taskToken', 'awaiting'], FINAL_STATUSES);
      // A published precedent follows the evaluation; one published meanwhile fails this write, and the retried task sees it.
      const precedent = escalation.precedentId
        ? [
            {
              Update: {
                TableName: table,
                Key: precedentKey(escalation.precedentId),
                UpdateExpression: 'SET outcome = :outcome, updatedAt = :now',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':outcome': outcomeOf({ status }), ':now': historyEvent.at },
              },
            },
          ]
        : [];
      if (!escalation.precedentId) ending.ConditionExpression = `${ending.ConditionExpression} AND attribute_not_exists(precedentId)`;
      await transactWrite(
        db,
        [
          { Update: ending },
          ...precedent,
          // Over, whatever it waited for: nothing of it stays in a work list.
          ...taskWrites(table, escalation.householdId, { put: [], remove: [escalationTaskId(escalation)] }),
          ...(log ? [{ Put: { TableName: table, Item: processingLogItem(log) } }] : []),
          {
            Update: {
              TableName: table,
              Key: householdKey(escalation.householdId),
              UpdateExpression: 'ADD openEscalations :minusOne',
              ExpressionAttributeValues: { ':minusOne': -1 },
            },
          },
          ...counterUpdates(table, counters),
        ],
        'escalation missing',
      );
    },

    async approve({ escalation, historyEvent, evaluateAt, plan, expectedPlanVersion, log, counters }) {
      await transactWrite(
        db,
        [
          { Update: update(escalation, historyEvent, { status: 'approved', evaluateAt }, [], ['approved', ...FINAL_STATUSES]) },
          ...planSaveItems(table, plan, expectedPlanVersion),
          { Put: { TableName: table, Item: processingLogItem(log) } },
          ...counterUpdates(table, counters),
        ],
        'plan changed meanwhile',
      );
    },

    appendProcessingLog: (lines) => appendProcessingLog(db, table, lines),
  };
}
