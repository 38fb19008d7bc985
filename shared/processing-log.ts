import type { Principal, Role } from './auth.ts';
import { newId } from './ids.ts';

/** After the VNG/Logius Logboek Dataverwerkingen: who did what to whose data, why, and when. */
export type ProcessingAction = 'read' | 'create' | 'update' | 'delete' | 'export';

export interface ProcessingLogLine {
  id: string;
  householdId: string;
  at: string;
  actor: string;
  roles: Role[];
  action: ProcessingAction;
  /** The API resource acted on, as a path without query (it never holds personal data). */
  resource: string;
  purpose: string;
  traceId: string;
}

export interface RequestContext {
  principal: Principal;
  /** The route's declared purpose of processing. */
  purpose: string;
  traceId: string;
  now: string;
}

export function processingLogLine(
  context: RequestContext,
  householdId: string,
  action: ProcessingAction,
  resource: string,
): ProcessingLogLine {
  return {
    id: newId(),
    householdId,
    at: context.now,
    actor: context.principal.userId,
    roles: context.principal.roles,
    action,
    resource,
    purpose: context.purpose,
    traceId: context.traceId,
  };
}
