import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { LOCAL_REGION } from './dynamodb.ts';
import type { CfnTemplate } from './template.ts';

export const LOCAL_ACCOUNT = '000000000000';
export const localFunctionArn = (logicalId: string) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${logicalId}`;
export const localStateMachineArn = (logicalId: string) => `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${logicalId}`;

/** aws-local-stepfunctions runs a Task without TimeoutSeconds for only 60 s; AWS lets it wait. Node timers stop at 2^31 ms. */
const LONGEST_LOCAL_TIMEOUT_SECONDS = 24 * 24 * 60 * 60;

export interface LocalStateMachineDefinition {
  logicalId: string;
  arn: string;
  // biome-ignore lint/suspicious/noExplicitAny: ASL states are JSON whose fields depend on the state type; local mode reads the few it needs
  definition: StateMachineDefinition & { States: Record<string, any> };
}

/**
 * The state machine exactly as deployed: the template's DefinitionString with its intrinsics
 * (the partition, the region, the account, the functions' ARNs) resolved to local values.
 */
export function readStateMachine(template: CfnTemplate): LocalStateMachineDefinition {
  const machines = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::StepFunctions::StateMachine');
  if (machines.length !== 1) throw new Error(`expected one state machine in the template, found ${machines.length}`);
  // biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, as above
  const [logicalId, resource] = machines[0] as [string, { Properties?: Record<string, any> }];
  const body = resource.Properties?.DefinitionString;
  const parts: unknown[] = typeof body === 'string' ? [body] : body['Fn::Join'][1];
  const text = parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const ref = (part as { Ref?: string }).Ref;
      if (ref === 'AWS::Partition') return 'aws';
      if (ref === 'AWS::Region') return LOCAL_REGION;
      if (ref === 'AWS::AccountId') return LOCAL_ACCOUNT;
      const getAtt = (part as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
      if (getAtt?.[1] === 'Arn') return localFunctionArn(getAtt[0]);
      throw new Error(`local mode cannot resolve ${JSON.stringify(part)} in the state machine`);
    })
    .join('');
  return { logicalId, arn: localStateMachineArn(logicalId), definition: JSON.parse(text) };
}

export interface LocalStepFunctionsOptions {
  machine: LocalStateMachineDefinition;
  /** Runs a Lambda function of the stack, by logical id, as Lambda would. */
  invoke: (functionLogicalId: string, payload: unknown) => Promise<unknown>;
  /** Seconds instead of a state's TimeoutSeconds (local demos and tests of the SLA). */
  stateTimeoutSeconds?: Record<string, number>;
  /** Milliseconds instead of a Wait state's wait. */
  waitTimeOverrides?: Record<string, number>;
  /** Milliseconds between retries instead of the definition's intervals. */
  retryIntervalMs?: number;
}

interface Execution {
  arn: string;
  name: string;
  input: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  startDate: Date;
  stopDate?: Date;
  output?: string;
  error?: string;
  abort: () => void;
}

export interface LocalStepFunctions {
  endpoint: string;
  executions: Map<string, Execution>;
  /**
   * Starts an execution at `stateName` instead of the definition's StartAt: how local mode
   * puts a flow that waited when the server stopped back in the state it waited in.
   */
  resume(name: string, input: Record<string, unknown>, stateName: string): void;
  /** Aborts every running execution and refuses every parked task, then closes the endpoint. */
  stop(): Promise<void>;
}

class ServiceError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}

const functionOf = (arn: unknown) => (typeof arn === 'string' ? arn.split(':function:')[1] : undefined);

/**
 * Runs the synthesized state machine with aws-local-stepfunctions and serves the part of the
 * Step Functions API the functions use (StartExecution, SendTaskSuccess, SendTaskFailure,
 * DescribeExecution) on a local endpoint, so that they keep calling it with @aws-sdk/client-sfn.
 * `.waitForTaskToken` tasks, which the library lacks, invoke their function with a generated
 * token and then wait on a promise parked under that token.
 */
export async function startLocalStepFunctions(options: LocalStepFunctionsOptions): Promise<LocalStepFunctions> {
  const { machine } = options;
  const definition = structuredClone(machine.definition);
  const parked = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  // biome-ignore lint/suspicious/noExplicitAny: aws-local-stepfunctions passes and takes the state's JSON as it is
  const handlers: Record<string, (input: any) => Promise<any>> = {};
  const retryIntervalOverrides: Record<string, number> = {};

  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type !== 'Task') continue;
    const override = options.stateTimeoutSeconds?.[name];
    if (override !== undefined) state.TimeoutSeconds = override;
    else state.TimeoutSeconds = Math.min(state.TimeoutSeconds ?? LONGEST_LOCAL_TIMEOUT_SECONDS, LONGEST_LOCAL_TIMEOUT_SECONDS);
    if (options.retryIntervalMs !== undefined && state.Retry) retryIntervalOverrides[name] = options.retryIntervalMs;
    const resource = String(state.Resource);
    if (resource.endsWith(':states:::lambda:invoke.waitForTaskToken')) {
      const fn = functionOf(state.Parameters?.FunctionName);
      if (!fn) throw new Error(`state ${name} names no function`);
      handlers[name] = async (input) => {
        const token = input?.Payload?.token;
        if (typeof token !== 'string') throw new Error(`state ${name} passes no task token`);
        const answered = new Promise((resolve, reject) => parked.set(token, { resolve, reject }));
        try {
          await options.invoke(fn, input.Payload);
        } catch (error) {
          parked.delete(token);
          throw error;
        }
        return answered;
      };
    } else if (functionOf(resource)) {
      const fn = functionOf(resource) as string;
      handlers[name] = (input) => options.invoke(fn, input);
    } else {
      throw new Error(`local mode does not run the resource of state ${name}: ${resource}`);
    }
  }

  const machines = new Map<string, StateMachine>();
  /** The deployed definition, entered at another state for a resumed flow (one machine per entry state). */
  const machineStartingAt = (stateName: string) => {
    let found = machines.get(stateName);
    if (!found) {
      if (!definition.States[stateName]) throw new Error(`the state machine has no state ${stateName}`);
      found = new StateMachine({ ...definition, StartAt: stateName }, { validationOptions: { checkArn: false } });
      machines.set(stateName, found);
    }
    return found;
  };
  const executions = new Map<string, Execution>();

  const launch = (name: string, input: string, startAt: string) => {
    const arn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${machine.logicalId}:${name}`;
    if (executions.has(arn)) throw new ServiceError('ExecutionAlreadyExists', 'an execution of that name exists');
    const run = machineStartingAt(startAt).run(JSON.parse(input), {
      overrides: {
        taskResourceLocalHandlers: handlers,
        waitTimeOverrides: options.waitTimeOverrides ?? {},
        retryIntervalOverrides,
      },
      context: {
        Execution: { Id: arn, Name: name, Input: JSON.parse(input), StartTime: new Date().toISOString() },
        Task: {
          get Token() {
            return randomUUID();
          },
        },
      } as never,
      noThrowOnAbort: true,
    });
    const execution: Execution = { arn, name, input, status: 'RUNNING', startDate: new Date(), abort: run.abort };
    executions.set(arn, execution);
    run.result.then(
      (output) => {
        execution.status = output === null ? 'ABORTED' : 'SUCCEEDED';
        execution.output = JSON.stringify(output);
        execution.stopDate = new Date();
      },
      (error: Error) => {
        execution.status = 'FAILED';
        execution.error = error.message;
        execution.stopDate = new Date();
      },
    );
    return execution;
  };

  // biome-ignore lint/suspicious/noExplicitAny: the Step Functions API's JSON bodies, read field by field
  const api: Record<string, (body: any) => unknown> = {
    StartExecution(body) {
      if (body.stateMachineArn !== machine.arn) throw new ServiceError('StateMachineDoesNotExist', 'no such state machine');
      const execution = launch(String(body.name ?? randomUUID()), String(body.input ?? '{}'), definition.StartAt);
      return { executionArn: execution.arn, startDate: execution.startDate.getTime() / 1000 };
    },
    SendTaskSuccess(body) {
      const waiting = parked.get(String(body.taskToken));
      if (!waiting) throw new ServiceError('TaskDoesNotExist', 'no task waits on this token');
      parked.delete(String(body.taskToken));
      waiting.resolve(JSON.parse(String(body.output ?? '{}')));
      return {};
    },
    SendTaskFailure(body) {
      const waiting = parked.get(String(body.taskToken));
      if (!waiting) throw new ServiceError('TaskDoesNotExist', 'no task waits on this token');
      parked.delete(String(body.taskToken));
      const error = new Error(String(body.cause ?? ''));
      error.name = String(body.error ?? 'Error');
      waiting.reject(error);
      return {};
    },
    DescribeExecution(body) {
      const execution = executions.get(String(body.executionArn));
      if (!execution) throw new ServiceError('ExecutionDoesNotExist', 'no such execution');
      return {
        executionArn: execution.arn,
        stateMachineArn: machine.arn,
        name: execution.name,
        status: execution.status,
        startDate: execution.startDate.getTime() / 1000,
        ...(execution.stopDate ? { stopDate: execution.stopDate.getTime() / 1000 } : {}),
        input: execution.input,
        ...(execution.output !== undefined ? { output: execution.output } : {}),
        ...(execution.error !== undefined ? { error: 'States.ExecutionFailed', cause: execution.error } : {}),
      };
    },
  };

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify(body));
    };
    try {
      const handler = api[operation];
      if (!handler) throw new ServiceError('UnknownOperationException', `local Step Functions does not serve ${operation}`);
      reply(200, handler(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')));
    } catch (error) {
      const type = error instanceof ServiceError ? error.type : 'InternalFailure';
      reply(error instanceof ServiceError ? 400 : 500, { __type: type, message: (error as Error).message });
    }
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    executions,
    resume(name, input, stateName) {
      launch(name, JSON.stringify(input), stateName);
    },
    async stop() {
      for (const execution of executions.values()) if (execution.status === 'RUNNING') execution.abort();
      for (const waiting of parked.values()) waiting.reject(new Error('local Step Functions stopped'));
      parked.clear();
      await new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      });
    },
  };
}
