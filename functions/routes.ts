import { breakGlassRoutes } from './breakglass/contract.ts';
import { brpRoutes } from './brp/contract.ts';
import { escalationRoutes, precedentRoutes } from './escalations/contract.ts';
import { figuresRoutes } from './figures/contract.ts';
import { householdRoutes } from './households/contract.ts';
import type { RouteContract } from './http/contract.ts';
import { intakeRoutes } from './intakes/contract.ts';
import { journalRoutes } from './journal/contract.ts';
import { networkRoutes } from './network/contract.ts';
import { planRoutes } from './plans/contract.ts';
import { privacyRoutes } from './privacy/contract.ts';
import { registryRoutes } from './registry/contract.ts';
import { residentRoutes } from './resident/contract.ts';
import { serviceRoutes } from './service/contract.ts';
import { signalRoutes } from './signals/contract.ts';
import { teamRoutes } from './teams/contract.ts';
import { worklistRoutes } from './worklist/contract.ts';

/**
 * Every route of the API. The CDK stack creates one API Gateway route per entry, wired to the
 * function named by `fn`; the OpenAPI document lists them; local mode serves what the
 * synthesized template says. Each function's handler imports its own contract file; this list
 * is for the stack, local mode, the document and the tests.
 */
export const routes: RouteContract[] = [
  ...serviceRoutes,
  ...teamRoutes,
  ...intakeRoutes,
  ...householdRoutes,
  ...registryRoutes,
  ...journalRoutes,
  ...networkRoutes,
  ...breakGlassRoutes,
  ...planRoutes,
  ...escalationRoutes,
  ...precedentRoutes,
  ...privacyRoutes,
  ...figuresRoutes,
  ...worklistRoutes,
  ...signalRoutes,
  ...residentRoutes,
  ...brpRoutes,
];

/** The Lambda functions behind the API, one per concern, each serving the routes that name it. */
export const functionNames = [...new Set(routes.map((route) => route.fn))];
