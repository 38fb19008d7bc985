import type { SFNClient } from '@aws-sdk/client-sfn';
import { dynamoEscalationStore } from '#shared/db/escalation-store.ts';
import { dynamoPrecedentStore } from '#shared/db/precedent-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { escalationView } from '#shared/domain/escalation.ts';
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
import {
  editPrecedent,
  listPrecedents,
  type PrecedentPorts,
  precedentFiguresOf,
  publishPrecedent,
  readPrecedent,
} from '#shared/use-cases/precedents.ts';
import { BASE_PATH } from '../http/contract.ts';
import { idempotentOperation } from '../http/idempotency.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import {
  budgetApprovalRoute,
  decisionRoute,
  editPrecedentRoute,
  escalationQueueRoute,
  evaluationRoute,
  informationRoute,
  listPrecedentsRoute,
  precedentFiguresRoute,
  publishPrecedentRoute,
  readEscalationRoute,
  readPrecedentRoute,
  submitEscalationRoute,
} from './contract.ts';

export interface EscalationFunctionDeps extends FunctionRuntime {
  /** The Step Functions client, made on first use. */
  sfn: () => Promise<SFNClient>;
}

export function createHandler(deps: EscalationFunctionDeps) {
  if (!deps.stateMachineArn) throw new Error('STATE_MACHINE_ARN must be set');
  const ports: EscalationPorts = {
    store: dynamoEscalationStore(deps.db, deps.tableName),
    flow: stepFunctionsApprovalFlow(deps.sfn, deps.stateMachineArn),
    city: deps.city,
    metrics: deps.metrics,
  };
  const precedents: PrecedentPorts = { precedents: dynamoPrecedentStore(deps.db, deps.tableName), escalations: ports.store };
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
    // A replayed answer comes back from the idempotency record: put it in its one shape again.
    (view) => escalationView(view),
  );
  const ok = (body: unknown) => ({ status: 200, body });

  return httpFunction(pipelineDeps(deps, dynamoRosterStore(deps.db, deps.tableName)), [
    route(submitEscalationRoute, async ({ params, body, headers }, context, lambda) => {
      const escalation = await submit({ householdId: params.id, escalation: body }, context, headers['idempotency-key'], lambda);
      return { status: 201, body: escalation, headers: { Location: `${BASE_PATH}/escalations/${escalation.id}` } };
    }),
    route(escalationQueueRoute, async ({ query }, context) =>
      ok(
        await escalationQueue(ports, context, {
          ...(query.status ? { status: query.status } : {}),
          limit: query.limit,
          ...(query.cursor ? { cursor: query.cursor } : {}),
        }),
      ),
    ),
    route(readEscalationRoute, async ({ params }, context) => ok(await readEscalation(ports, context, params.id))),
    route(decisionRoute, async ({ params, body }, context) => handedToFlow(await decide(ports, context, params.id, body))),
    route(informationRoute, async ({ params, body }, context) =>
      handedToFlow(await giveInformation(ports, context, params.id, body.information)),
    ),
    route(budgetApprovalRoute, async ({ params, body }, context) => handedToFlow(await approveBudget(ports, context, params.id, body))),
    route(evaluationRoute, async ({ params, body }, context) => handedToFlow(await evaluate(ports, context, params.id, body))),
    route(publishPrecedentRoute, async ({ params, body }, context) => {
      const precedent = await publishPrecedent(precedents, context, params.id, body);
      return { status: 201, body: precedent, headers: { Location: `${BASE_PATH}/precedents/${precedent.id}` } };
    }),
    route(editPrecedentRoute, async ({ params, body }, context) => ok(await editPrecedent(precedents, context, params.id, body))),
    route(readPrecedentRoute, async ({ params }) => ok(await readPrecedent(precedents, params.id))),
    route(listPrecedentsRoute, async ({ query }) => {
      const { limit, cursor, ...filter } = query;
      const given = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
      return ok(await listPrecedents(precedents, { ...given, limit, ...(cursor ? { cursor } : {}) }));
    }),
    route(precedentFiguresRoute, async ({ query }) => ok(await precedentFiguresOf(precedents, query.year))),
  ]);
}
