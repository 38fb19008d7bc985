import type { SFNClient } from '@aws-sdk/client-sfn';
import { errorName } from '../errors.ts';
import type { ApprovalFlow } from '../use-cases/ports.ts';

/** Step Functions names allow letters, digits, - and _ only. */
export const executionNameOf = (escalationId: string) => escalationId.replace('.', '-');

/** Errors that mean the flow no longer waits on the token: it timed out, moved on, or ended. */
const GONE = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * `client` gives the Step Functions client on first use: the SDK's client and its commands load
 * with the first answer, not with the function (reading escalations never needs them).
 */
export function stepFunctionsApprovalFlow(client: () => Promise<SFNClient>, stateMachineArn: string): ApprovalFlow {
  const sdk = () => import('@aws-sdk/client-sfn');
  return {
    async start(escalation) {
      const [sfn, { StartExecutionCommand }] = await Promise.all([client(), sdk()]);
      try {
        await sfn.send(
          new StartExecutionCommand({
            stateMachineArn,
            name: executionNameOf(escalation.id),
            input: JSON.stringify({ escalationId: escalation.id }),
          }),
        );
      } catch (error) {
        // A retried submission that already started its flow.
        if (errorName(error) !== 'ExecutionAlreadyExists') throw error;
      }
    },
    async resume(token, answer) {
      const [sfn, { SendTaskSuccessCommand }] = await Promise.all([client(), sdk()]);
      try {
        await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(answer) }));
        return true;
      } catch (error) {
        if (GONE.has(errorName(error) ?? '')) return false;
        throw error;
      }
    },
  };
}
