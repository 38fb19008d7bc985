import type { Principal } from './auth.ts';
import { grantOn, type LogRole } from './domain/access.ts';
import { BREAK_GLASS_PURPOSE } from './domain/break-glass.ts';
import { newId } from './ids.ts';
import type { ProcessingActivityId } from './processing-activities.ts';

/** After the VNG/Logius Logboek Dataverwerkingen: who did what to whose data, why, and when. */
export const PROCESSING_ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'disclose'] as const;
export type ProcessingAction = (typeof PROCESSING_ACTIONS)[number];

/** On a disclosure's line (v1.2 rule 16): the organisation that received the data, and the basis it was given on. */
/**
 * A log line's sort key, in the household's log and in a person's (shared/db/keys.ts): by time,
 * then id. A log's cursor is such a key (the read's LastEvaluatedKey), so whoever merges logs
 * orders by it.
 */
export const logLineSortKey = (line: { at: string; id: string }): string => `${line.at}#${line.id}`;

export interface DisclosureLog {
  receiver: string;
  basis: { consentIds: string[] } | { processingActivityId: string };
}

export interface ProcessingLogLine {
  id: string;
  householdId: string;
  at: string;
  actor: string;
  roles: LogRole[];
  action: ProcessingAction;
  /** The API resource acted on, as a path without query (it never holds personal data). */
  resource: string;
  purpose: string;
  /** W3C trace id of the request (or of the answer the doorbraak flow carries on). */
  traceId: string;
  spanId: string;
  /** The entry of the register of processing activities, and its version when the line was written. */
  processingActivityId: ProcessingActivityId;
  processingActivityVersion: number;
  /** The members whose data the processing touched (ids, never a BSN); empty when it showed none of them by name. */
  dataSubjects: string[];
  /** `error` when the processing did not complete (an answer the flow could not take, a flow that failed). */
  status: 'ok' | 'error';
  /** Only on a line with action `disclose`. */
  receiver?: string;
  basis?: DisclosureLog['basis'];
  /** On a line of processing under a break-glass grant (v1.2 rule 17): the grant. */
  grantId?: string;
}

/** A line as read back: lines written before 1.1 lack the span and the activity. */
export type StoredProcessingLogLine = Omit<ProcessingLogLine, 'spanId' | 'processingActivityId' | 'processingActivityVersion'> &
  Partial<Pick<ProcessingLogLine, 'spanId' | 'processingActivityId' | 'processingActivityVersion'>>;

export interface RequestContext {
  principal: Principal;
  /** The route's declared purpose of processing. */
  purpose: string;
  traceId: string;
  spanId: string;
  /** The route's entry of the register of processing activities (absent on routes without personal data). */
  processingActivity?: { id: ProcessingActivityId; version: number };
  now: string;
  /** Set once a use case finds it processes under a break-glass grant (`asReached`): every line then names it. */
  grantId?: string;
  /** The register's break-glass entry, set by the pipeline for a caller who holds a grant in force. */
  breakGlassActivity?: { id: ProcessingActivityId; version: number };
}

/**
 * The context to log a household's processing under: the route's own, or, when the caller
 * reaches the household through a break-glass grant, the grant's (purpose `break_glass`, the
 * register's break-glass activity, the grant id).
 */
export function asReached(context: RequestContext, household: { id: string; teamId: string; status: string }): RequestContext {
  const grant = grantOn(context.principal, household);
  if (!grant) return context;
  if (!context.breakGlassActivity) throw new Error('a caller holding a grant must have the break-glass activity in their context');
  return { ...context, purpose: BREAK_GLASS_PURPOSE, processingActivity: context.breakGlassActivity, grantId: grant.id };
}

export function processingLogLine(
  context: RequestContext,
  householdId: string,
  action: ProcessingAction,
  resource: string,
  dataSubjects: string[],
  status: ProcessingLogLine['status'] = 'ok',
): ProcessingLogLine {
  const { id, ...rest } = lineFields(context, action, resource, dataSubjects, status);
  return { id, householdId, ...rest };
}

/**
 * A line about a signal (vroegsignalering): kept with the signal, not in a household's log,
 * because a signal is not part of a household until help is accepted, and it expires with the
 * signal (rule 13). The person a signal names has no member id: no data subjects.
 */
export type SignalLogLine = Omit<ProcessingLogLine, 'householdId'> & { signalId: string };

/**
 * A line about a person who is not (yet) a member of a household the line could be kept with:
 * someone a BRP look-up found (v1.2). Kept under their keyed BSN hash, their data subject, so
 * that their own processing log can show it once they are a member of a household.
 */
export type PersonLogLine = Omit<ProcessingLogLine, 'householdId'> & { personHash: string };

export function personLogLine(context: RequestContext, personHash: string, action: ProcessingAction, resource: string): PersonLogLine {
  const { id, ...rest } = lineFields(context, action, resource, [personHash], 'ok');
  return { id, personHash, ...rest };
}

export function signalLogLine(context: RequestContext, signalId: string, action: ProcessingAction, resource: string): SignalLogLine {
  const { id, ...rest } = lineFields(context, action, resource, [], 'ok');
  return { id, signalId, ...rest };
}

function lineFields(
  context: RequestContext,
  action: ProcessingAction,
  resource: string,
  dataSubjects: string[],
  status: ProcessingLogLine['status'],
): Omit<ProcessingLogLine, 'householdId'> {
  const activity = context.processingActivity;
  if (!activity) throw new Error('a route that processes personal data must name its processing activity');
  return {
    id: newId(),
    at: context.now,
    actor: context.principal.userId,
    // A resident has no roles: their lines say `resident`, so that every reader of the log can tell (v1.2).
    roles: context.principal.residentBsn ? ['resident' as const] : context.principal.roles,
    action,
    resource,
    purpose: context.purpose,
    traceId: context.traceId,
    spanId: context.spanId,
    processingActivityId: activity.id,
    processingActivityVersion: activity.version,
    dataSubjects,
    status,
    ...(context.grantId ? { grantId: context.grantId } : {}),
  };
}

/** The members of a household, as a line's data subjects. */
export const membersOf = (household: { members: { id: string }[] }): string[] => household.members.map((member) => member.id);
