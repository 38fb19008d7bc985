import { onFirstUse } from '../first-use.ts';
import { lambdaRuntime } from '../lambda.ts';
import { createHandler } from './handler.ts';

// The Step Functions client is made on the first answer that needs it: reading escalations never loads it.
export const handler = createHandler({
  ...lambdaRuntime('escalations'),
  sfn: onFirstUse(async () => new (await import('@aws-sdk/client-sfn')).SFNClient({})),
});
