import { SFNClient } from '@aws-sdk/client-sfn';
import { lambdaRuntime } from '../lambda.ts';
import { createHandler } from './handler.ts';

export const handler = createHandler({ ...lambdaRuntime('escalations'), sfn: new SFNClient({}) });
