import { lambdaBrp, lambdaLookupKey, lambdaRuntime } from '../lambda.ts';
import { createHandler } from './handler.ts';

export const handler = createHandler({ ...lambdaRuntime('brp'), lookupKey: lambdaLookupKey, brp: lambdaBrp });
