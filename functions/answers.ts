import { breakGlassAnswers } from './breakglass/answers.ts';
import { brpAnswers } from './brp/answers.ts';
import { escalationAnswers } from './escalations/answers.ts';
import { figuresAnswers } from './figures/answers.ts';
import { householdAnswers } from './households/answers.ts';
import { intakeAnswers } from './intakes/answers.ts';
import { journalAnswers } from './journal/answers.ts';
import { networkAnswers } from './network/answers.ts';
import { planAnswers } from './plans/answers.ts';
import { privacyAnswers } from './privacy/answers.ts';
import { registryAnswers } from './registry/answers.ts';
import { residentAnswers } from './resident/answers.ts';
import { serviceAnswers } from './service/answers.ts';
import { signalAnswers } from './signals/answers.ts';
import { teamAnswers } from './teams/answers.ts';
import { worklistAnswers } from './worklist/answers.ts';

/**
 * The answer schema of every route, by operationId: for the OpenAPI document (functions/openapi.ts)
 * and nothing else. Beside routes.ts, never imported by a function's bundle (AnswersOf).
 */
export const answers: Record<string, import('zod/mini').ZodMiniType | null> = {
  ...breakGlassAnswers,
  ...brpAnswers,
  ...escalationAnswers,
  ...figuresAnswers,
  ...householdAnswers,
  ...intakeAnswers,
  ...journalAnswers,
  ...networkAnswers,
  ...planAnswers,
  ...privacyAnswers,
  ...registryAnswers,
  ...residentAnswers,
  ...serviceAnswers,
  ...signalAnswers,
  ...teamAnswers,
  ...worklistAnswers,
};
