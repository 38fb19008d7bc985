import { lambdaLookupKey, lambdaRuntime } from '../lambda.ts';
import { createHandler } from './handler.ts';

export const handler = createHandler({ ...lambdaRuntime('resident'), lookupKey: lambdaLookupKey });
