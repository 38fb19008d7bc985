import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { CityConfig } from '../cities.ts';
import { FLOW_STATES } from './names.ts';

/** Errors of the Lambda service itself and of the function (States.TaskFailed never matches States.Timeout). */
const RETRYABLE = [
  'States.TaskFailed',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

export interface DoorbraakFlowProps {
  city: CityConfig;
  flowFunction: lambda.IFunction;
  logKey: kms.IKey;
  logRetention: logs.RetentionDays;
}

/**
 * The doorbraak approval flow (../shared/spec/doorbraak-flow.md): one Standard execution per
 * escalation. People answer through the API, which resumes the waiting task with its token;
 * each step is recorded on the escalation by a Lambda task.
 */
export class DoorbraakFlow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: DoorbraakFlowProps) {
    super(scope, id);
    const { city, flowFunction } = props;
    const escalationId = sfn.JsonPath.stringAt('$.escalationId');

    const step = (stateName: string, action: string, extra: Record<string, unknown> = {}, resultPath: string = sfn.JsonPath.DISCARD) =>
      new tasks.LambdaInvoke(this, stateName, {
        stateName,
        lambdaFunction: flowFunction,
        payloadResponseOnly: true,
        retryOnServiceExceptions: false,
        payload: sfn.TaskInput.fromObject({ action, escalationId, ...extra }),
        resultPath,
      }).addRetry({ errors: RETRYABLE, interval: Duration.seconds(2), maxAttempts: 3, backoffRate: 2 });

    const awaitAnswer = (stateName: string, awaiting: string, resultPath: string, timeout?: Duration) =>
      new tasks.LambdaInvoke(this, stateName, {
        stateName,
        lambdaFunction: flowFunction,
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        retryOnServiceExceptions: false,
        payload: sfn.TaskInput.fromObject({ action: 'await', awaiting, escalationId, token: sfn.JsonPath.taskToken }),
        resultPath,
        ...(timeout ? { taskTimeout: sfn.Timeout.duration(timeout) } : {}),
      }).addRetry({ errors: RETRYABLE, interval: Duration.seconds(2), maxAttempts: 3, backoffRate: 2 });

    const failed = new sfn.Fail(this, 'Failed', { error: 'DoorbraakFlowFailed', cause: 'A task failed after its retries.' });
    const recordFailure = step(FLOW_STATES.recordFailure, 'fail', { error: sfn.JsonPath.objectAt('$.error') });
    recordFailure.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.failure' });
    recordFailure.next(failed);
    const onError = { errors: ['States.ALL'], resultPath: '$.error' };

    const awaitDecision = awaitAnswer(FLOW_STATES.awaitDecision, 'decision', '$.answer', Duration.hours(city.decisionSlaHours));
    const markOverdue = step(FLOW_STATES.markOverdue, 'markOverdue');
    awaitDecision.addCatch(markOverdue, { errors: ['States.Timeout'], resultPath: '$.timeout' });
    awaitDecision.addCatch(recordFailure, onError);
    markOverdue.addCatch(recordFailure, onError).next(awaitDecision);

    const recordDecision = step(FLOW_STATES.recordDecision, 'recordDecision', { answer: sfn.JsonPath.objectAt('$.answer') }, '$.decided');
    const awaitInformation = awaitAnswer(FLOW_STATES.awaitInformation, 'information', '$.answer');
    const recordInformation = step(FLOW_STATES.recordInformation, 'recordInformation', { answer: sfn.JsonPath.objectAt('$.answer') });
    const awaitBudget = awaitAnswer(FLOW_STATES.awaitBudgetApproval, 'budget_approval', '$.answer');
    const recordBudget = step(
      FLOW_STATES.recordBudgetApproval,
      'recordBudgetApproval',
      { answer: sfn.JsonPath.objectAt('$.answer') },
      '$.budget',
    );
    const reject = step(FLOW_STATES.reject, 'reject');
    const approve = step(FLOW_STATES.approve, 'approve', {}, '$.approved');
    const waitForEvaluation = new sfn.Wait(this, FLOW_STATES.waitForEvaluation, {
      stateName: FLOW_STATES.waitForEvaluation,
      time: sfn.WaitTime.timestampPath('$.approved.evaluateAt'),
    });
    const awaitEvaluation = awaitAnswer(FLOW_STATES.awaitEvaluation, 'evaluation', '$.answer');
    const recordEvaluation = step(FLOW_STATES.recordEvaluation, 'recordEvaluation', { answer: sfn.JsonPath.objectAt('$.answer') });

    for (const task of [
      recordDecision,
      awaitInformation,
      recordInformation,
      awaitBudget,
      recordBudget,
      reject,
      approve,
      awaitEvaluation,
      recordEvaluation,
    ]) {
      task.addCatch(recordFailure, onError);
    }

    const rejected = new sfn.Succeed(this, 'Rejected');
    const closed = new sfn.Succeed(this, 'Closed');
    reject.next(rejected);
    approve.next(waitForEvaluation);
    waitForEvaluation.next(awaitEvaluation);
    awaitEvaluation.next(recordEvaluation);
    recordEvaluation.next(closed);
    awaitInformation.next(recordInformation);
    recordInformation.next(awaitDecision);
    awaitBudget.next(recordBudget);
    recordBudget.next(
      new sfn.Choice(this, FLOW_STATES.budgetChoice)
        .when(sfn.Condition.stringEquals('$.budget.decision', 'approve'), approve)
        .otherwise(reject),
    );
    awaitDecision.next(recordDecision);
    recordDecision.next(
      new sfn.Choice(this, FLOW_STATES.decisionChoice)
        .when(sfn.Condition.stringEquals('$.decided.decision', 'request_info'), awaitInformation)
        .when(sfn.Condition.stringEquals('$.decided.decision', 'reject'), reject)
        .when(
          sfn.Condition.and(
            sfn.Condition.stringEquals('$.decided.decision', 'approve'),
            sfn.Condition.numberGreaterThan('$.decided.approvedAmount', city.doorbraakBudgetThreshold.amount),
          ),
          awaitBudget,
        )
        .when(sfn.Condition.stringEquals('$.decided.decision', 'approve'), approve)
        .otherwise(
          new sfn.Pass(this, 'UnknownDecision', {
            result: sfn.Result.fromObject({ Error: 'UnknownDecision' }),
            resultPath: '$.error',
          }).next(recordFailure),
        ),
    );

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: `wijkteams-${city.id}-doorbraak`,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(awaitDecision),
      tracingEnabled: true,
      logs: {
        destination: new logs.LogGroup(this, 'Logs', {
          retention: props.logRetention,
          encryptionKey: props.logKey,
          removalPolicy: RemovalPolicy.RETAIN,
        }),
        // Every event, but without inputs and outputs: they carry motivations and notes.
        level: sfn.LogLevel.ALL,
        includeExecutionData: false,
      },
    });
  }
}
