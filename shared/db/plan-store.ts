import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Plan } from '../domain/plan.ts';
import type { ProcessingLogLine } from '../processing-log.ts';
import type { PlanStore } from '../use-cases/ports.ts';
import { batchGet, transactWrite } from './client.ts';
import { counterUpdates } from './counters.ts';
import { householdKey, planKey, planVersionBounds, planVersionKey, planVersionsPartition, rosterKey } from './keys.ts';
import { appendProcessingLog } from './processing-log-store.ts';
import { HOUSEHOLD, parseHousehold } from './records/household.ts';
import { notificationWrites } from './records/notification.ts';
import { PLAN, parsePlan, parsePlanVersion, planItem, planVersionItem } from './records/plan.ts';
import { processingLogItem } from './records/processing-log.ts';
import { recordsOf } from './records/record.ts';
import { ROSTER, RosterEntryRecord } from './records/roster.ts';
import { taskWrites } from './records/task.ts';

/** The plan saved over the version read, and kept as a new version: two items of one transaction. */
export const planSaveItems = (table: string, plan: Plan, expectedVersion: number) => [
  {
    Put: {
      TableName: table,
      Item: planItem(plan),
      ConditionExpression: 'version = :expected AND id = :id',
      ExpressionAttributeValues: { ':expected': expectedVersion, ':id': plan.id },
    },
  },
  { Put: { TableName: table, Item: planVersionItem(plan), ConditionExpression: 'attribute_not_exists(pk)' } },
];

export function dynamoPlanStore(db: DynamoDBDocumentClient, table: string): PlanStore {
  const versionItem = planVersionItem;
  /** Keeps the plan's status on the household too, so lists and the close check need no second read. */
  const householdPlanStatus = (plan: Plan, onlyWhileOpenWithRegisseur: boolean, teamId?: string) => ({
    Update: {
      TableName: table,
      Key: householdKey(plan.householdId),
      UpdateExpression: 'SET planStatus = :planStatus, updatedAt = :now',
      ...(onlyWhileOpenWithRegisseur
        ? {
            ConditionExpression: '#status = :open AND attribute_exists(regisseur)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':planStatus': plan.status, ':now': plan.updatedAt, ':open': 'open' },
          }
        : {
            ...(teamId ? { ConditionExpression: 'teamId = :team' } : {}),
            ExpressionAttributeValues: { ':planStatus': plan.status, ':now': plan.updatedAt, ...(teamId ? { ':team': teamId } : {}) },
          }),
    },
  });
  /**
   * The plan's tasks name the household's team: a save is refused if the household moved
   * meanwhile, and it touches the household so that a transfer that read the tasks before it fails.
   */
  const stillWithTeam = (householdId: string, teamId: string, now: string) => ({
    Update: {
      TableName: table,
      Key: householdKey(householdId),
      UpdateExpression: 'SET updatedAt = :now',
      ConditionExpression: 'teamId = :team',
      ExpressionAttributeValues: { ':team': teamId, ':now': now },
    },
  });
  const log = (line: ProcessingLogLine) => ({ Put: { TableName: table, Item: processingLogItem(line) } });

  return {
    async householdAndPlan(householdId, rosterChecks = []) {
      const items = await batchGet(db, table, [
        householdKey(householdId),
        planKey(householdId),
        ...rosterChecks.map((check) => rosterKey(check.teamId, check.userId)),
      ]);
      return {
        household: parseHousehold(items.find((item) => item.type === HOUSEHOLD)),
        plan: parsePlan(items.find((item) => item.type === PLAN)),
        rosterHits: recordsOf(ROSTER, RosterEntryRecord, items),
      };
    },

    async createPlan(_household, plan, line) {
      await transactWrite(
        db,
        [
          {
            // The one PLAN item per household: replaced only once the plan it holds is closed.
            Put: {
              TableName: table,
              Item: planItem(plan),
              ConditionExpression: 'attribute_not_exists(pk) OR #status = :closed',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':closed': 'closed' },
            },
          },
          { Put: { TableName: table, Item: versionItem(plan), ConditionExpression: 'attribute_not_exists(pk)' } },
          householdPlanStatus(plan, true),
          log(line),
        ],
        'a plan that is not closed exists, or no regisseur',
      );
    },

    async savePlan({ plan, teamId, expectedVersion, log: line, statusChanged, counters = [], tasks, notifications = [] }) {
      await transactWrite(
        db,
        [
          ...planSaveItems(table, plan, expectedVersion),
          statusChanged ? householdPlanStatus(plan, false, teamId) : stillWithTeam(plan.householdId, teamId, plan.updatedAt),
          log(line),
          ...counterUpdates(table, counters),
          ...taskWrites(table, plan.householdId, tasks),
          ...notificationWrites(table, notifications),
        ],
        'plan changed since it was read',
      );
    },

    async versions(householdId, planId, limit, before) {
      const bounds = planVersionBounds(planId);
      const upper = before === undefined ? bounds.upper : planVersionKey(householdId, planId, before - 1).sk;
      const page = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lower AND :upper',
          ExpressionAttributeValues: {
            ':pk': planVersionsPartition(householdId),
            ':lower': bounds.lower,
            ':upper': upper,
          },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      const items = (page.Items ?? []).flatMap((item) => parsePlanVersion(item) ?? []);
      const last = items.at(-1);
      return page.LastEvaluatedKey && last ? { items, next: last.version } : { items };
    },

    appendProcessingLog: (lines) => appendProcessingLog(db, table, lines),
  };
}
