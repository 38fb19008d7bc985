import * as z from 'zod/mini';
import { LOG_ROLES } from '../../domain/access.ts';
import { isTimelineChange } from '../../domain/timeline.ts';
import { PROCESSING_ACTIVITY_IDS } from '../../processing-activities.ts';
import {
  type PersonLogLine,
  PROCESSING_ACTIONS,
  type ProcessingLogLine,
  type SignalLogLine,
  type StoredProcessingLogLine,
} from '../../processing-log.ts';
import { personLogKey, processingLogKey, signalLogKey, timelineIndexKeys } from '../keys.ts';
import { parseRecord } from './record.ts';

/** A processing-log line: `LOG#<householdId>` / `<at>#<lineId>`, apart from the household so it outlives it. */
export const PROCESSING_LOG = 'processing-log';

/** The stored fields of a line, made when first parsed (as every record's schema: record.ts); a person's line is the same without the household. */
const processingLogFields = () =>
  z.looseObject({
    id: z.string(),
    householdId: z.string(),
    at: z.string(),
    actor: z.string(),
    roles: z.array(z.enum(LOG_ROLES)),
    action: z.enum(PROCESSING_ACTIONS),
    resource: z.string(),
    purpose: z.string(),
    traceId: z.string(),
    // Lines written before 1.1 have no span, activity or data subjects.
    spanId: z.optional(z.string()),
    processingActivityId: z.optional(z.enum(PROCESSING_ACTIVITY_IDS)),
    processingActivityVersion: z.optional(z.number()),
    dataSubjects: z._default(z.array(z.string()), []),
    status: z._default(z.enum(['ok', 'error']), 'ok'),
    receiver: z.optional(z.string()),
    basis: z.optional(z.union([z.object({ consentIds: z.array(z.string()) }), z.object({ processingActivityId: z.string() })])),
    grantId: z.optional(z.string()),
  });

export const ProcessingLogRecord = z.lazy(processingLogFields);

export const parseProcessingLogLine = (item: Record<string, unknown> | undefined): StoredProcessingLogLine | undefined =>
  parseRecord(PROCESSING_LOG, ProcessingLogRecord, item);

/** A change's line is also on the household's timeline index: the timeline's events are the log's changes (shared/domain/timeline.ts). */
export const processingLogItem = (line: ProcessingLogLine) => ({
  ...processingLogKey(line.householdId, line.at, line.id),
  ...(isTimelineChange(line) ? timelineIndexKeys(line.householdId, line.at, line.id) : {}),
  type: PROCESSING_LOG,
  ...line,
});

export const PersonLogRecord = z.lazy(() => z.extend(z.omit(processingLogFields(), { householdId: true }), { personHash: z.string() }));
export const parsePersonLogLine = (item: Record<string, unknown> | undefined) => parseRecord(PROCESSING_LOG, PersonLogRecord, item);

/** A person's line (a BRP look-up found them): under their keyed BSN hash, outliving the look-up as every log line does. */
export const personLogItem = (line: PersonLogLine) => ({
  ...personLogKey(line.personHash, line.at, line.id),
  type: PROCESSING_LOG,
  ...line,
});

/** A signal's line: `LOG#SIGNAL#<signalId>` / `<at>#<lineId>`. It outlives the signal, as a household's log outlives the household; it names no one. */
export const signalLogItem = (line: SignalLogLine) => ({
  ...signalLogKey(line.signalId, line.at, line.id),
  type: PROCESSING_LOG,
  ...line,
});
