import { dynamoEscalationStore } from '#shared/db/escalation-store.ts';
import { type FlowTask, runFlowTask } from '#shared/use-cases/doorbraak-flow.ts';
import type { FunctionRuntime } from '../runtime.ts';

/**
 * The doorbraak state machine's Lambda tasks: one function, the action named by the state.
 * An error is thrown on to the state machine, whose Retry and Catch decide what follows.
 */
export function createHandler(deps: FunctionRuntime) {
  const store = dynamoEscalationStore(deps.db, deps.tableName);
  const { logger } = deps;
  return async (task: FlowTask) => {
    logger.info('flow task', { action: task.action, escalationId: task.escalationId });
    return runFlowTask(
      {
        store,
        city: deps.city,
        metrics: deps.metrics,
        now: () => (deps.clock?.() ?? new Date()).toISOString(),
        onTrace: (traceId) => logger.appendKeys({ traceId }),
        onOverdue: (escalation) => {
          // The team leader's notice: the EscalationOverdue metric raises the OverdueDecisions alarm
          // (infra/constructs/observability.ts); this line names the team it concerns
          // (docs/operations.md, CloudWatch Logs Insights: Overdue decisions, per team).
          logger.warn('decision overdue', { escalationId: escalation.id, teamId: escalation.teamId });
        },
      },
      task,
    );
  };
}
