import type { SFNClient } from '@aws-sdk/client-sfn';
import { dynamoEscalationStore } from '#shared/db/escalation-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { type DecisionAnswer, type EscalationStatus, escalationView } from '#shared/domain/escalation.ts';
import { stepFunctionsApprovalFlow } from '#shared/sfn/approval-flow.ts';
import {
  approveBudget,
  decide,
  type EscalationPorts,
  escalationQueue,
  evaluate,
  giveInformation,
  type NewEscalation,
  readEscalation,
  submitEscalation,
} from '#shared/use-cases/escalations.ts';
import { BASE_PATH } from '../http/contract.ts';
import { idempotentOperation } from '../http/idempotency.ts';
import { httpFunction } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import {
  budgetApprovalRoute,
  decisionRoute,
  escalationQueueRoute,
  evaluationRoute,
  informationRoute,
  readEscalationRoute,
  submitEscalationRoute,
} from './contract.ts';

export interface EscalationFunctionDeps extends FunctionRuntime {
  sfn: SFNClient;
}

export function createHandler(deps: EscalationFunctionDeps) {
  if (!deps.stateMachineArn) throw new Error('STATE_MACHINE_ARN must be set');
  const ports: EscalationPorts = {
    store: dynamoEscalationStore(deps.db, deps.tableName),
    flow: stepFunctionsApprovalFlow(deps.sfn, deps.stateMachineArn),
    city: deps.city,
    metrics: deps.metrics,
  };
  const handedToFlow = (escalation: { id: string }) => ({
    status: 202,
    body: escalation,
    headers: { Location: `${BASE_PATH}/escalations/${escalation.id}` },
  });
  const submit = idempotentOperation(
    deps,
    'escalations',
    (request: { householdId: string; escalation: NewEscalation }, context) =>
      submitEscalation(ports, context, request.householdId, request.escalation),
    (view) => escalationView(view as never) as typeof view,
  );
  const id = (params: Record<string, unknown>) => String(params.id);
  const ok = (body: unknown) => ({ status: 200, body });

  return httpFunction({ logger: deps.logger, roster: dynamoRosterStore(deps.db, deps.tableName) }, [
    {
      contract: submitEscalationRoute,
      async handle({ params, body, headers }, context, lambda) {
        const escalation = await submit(
          { householdId: id(params), escalation: body as NewEscalation },
          context,
          headers['idempotency-key'],
          lambda,
        );
        return { status: 201, body: escalation, headers: { Location: `${BASE_PATH}/escalations/${escalation.id}` } };
      },
    },
    {
      contract: escalationQueueRoute,
      handle: async ({ query }, context) =>
        ok(
          await escalationQueue(ports, context, {
            ...(query.status ? { status: query.status as EscalationStatus } : {}),
            limit: Number(query.limit),
            ...(query.cursor ? { cursor: String(query.cursor) } : {}),
          }),
        ),
    },
    { contract: readEscalationRoute, handle: async ({ params }, context) => ok(await readEscalation(ports, context, id(params))) },
    {
      contract: decisionRoute,
      handle: async ({ params, body }, context) => handedToFlow(await decide(ports, context, id(params), body as DecisionAnswer)),
    },
    {
      contract: informationRoute,
      handle: async ({ params, body }, context) =>
        handedToFlow(await giveInformation(ports, context, id(params), (body as { information: string }).information)),
    },
    {
      contract: budgetApprovalRoute,
      handle: async ({ params, body }, context) =>
        handedToFlow(await approveBudget(ports, context, id(params), body as { decision: 'approve' | 'reject'; motivation: string })),
    },
    {
      contract: evaluationRoute,
      handle: async ({ params, body }, context) =>
        handedToFlow(await evaluate(ports, context, id(params), body as { resolved: boolean; note: string })),
    },
  ]);
}
