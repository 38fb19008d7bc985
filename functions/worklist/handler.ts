import { dynamoNotificationStore } from '#shared/db/notification-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { dynamoTaskStore } from '#shared/db/task-store.ts';
import { markNotificationsRead, myNotifications, type NotificationPorts } from '#shared/use-cases/notifications.ts';
import { myTasks, teamTasks, type WorklistPorts, type WorklistQuery } from '#shared/use-cases/worklist.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { markNotificationsReadRoute, myNotificationsRoute, myTasksRoute, teamTasksRoute } from './contract.ts';

export function createHandler(deps: FunctionRuntime) {
  const ports: WorklistPorts = { store: dynamoTaskStore(deps.db, deps.tableName), city: deps.city };
  const notifications: NotificationPorts = { store: dynamoNotificationStore(deps.db, deps.tableName) };
  const worklistQuery = (query: { kind?: WorklistQuery['kind']; overdue: boolean; limit: number; cursor?: string }): WorklistQuery => ({
    overdue: query.overdue,
    limit: query.limit,
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return httpFunction(pipelineDeps(deps, dynamoRosterStore(deps.db, deps.tableName)), [
    route(myTasksRoute, async ({ query }, context) => ({ status: 200, body: await myTasks(ports, context, worklistQuery(query)) })),
    route(teamTasksRoute, async ({ params, query }, context) => ({
      status: 200,
      body: await teamTasks(ports, context, params.id, worklistQuery(query)),
    })),
    route(myNotificationsRoute, async ({ query, headers }, context) => {
      const answer = await myNotifications(
        notifications,
        context,
        { unread: query.unread, limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) },
        headers['if-none-match'],
      );
      return answer.notModified
        ? { status: 304, headers: { ETag: answer.etag } }
        : { status: 200, body: answer.body, headers: { ETag: answer.etag } };
    }),
    route(markNotificationsReadRoute, async ({ body }, context) => {
      await markNotificationsRead(notifications, context, body);
      return { status: 204 };
    }),
  ]);
}
