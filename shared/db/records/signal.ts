import * as z from 'zod/mini';
import { CONTACT_CHANNELS, SIGNAL_KINDS, SIGNAL_OUTCOMES, SIGNAL_ROUTES, SIGNAL_STATUSES, type Signal } from '../../domain/signal.ts';
import { addressOutreachKey, signalKey, signalQueueKeys, signalReferenceKey } from '../keys.ts';
import { Money, parseRecord } from './record.ts';

/** A signal of payment arrears: `SIGNAL#<id>` / `SIGNAL`; a lead signal is in its team's queue (gsi1) by status. */
export const SIGNAL = 'signal';

const Address = z.object({ postcode: z.string(), houseNumber: z.string(), houseNumberAddition: z.optional(z.string()) });

export const SignalRecord = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    partnerId: z.string(),
    reference: z.string(),
    kind: z.enum(SIGNAL_KINDS),
    arrears: Money,
    since: z.string(),
    address: Address,
    addressHash: z.string(),
    person: z.optional(
      z.object({ name: z.string(), birthDate: z.string(), bsnHash: z.optional(z.string()), bsnMasked: z.optional(z.string()) }),
    ),
    contact: z.optional(z.object({ phone: z.optional(z.string()), email: z.optional(z.string()) })),
    teamId: z.string(),
    routedBy: z.enum(SIGNAL_ROUTES),
    householdId: z.optional(z.string()),
    status: z.enum(SIGNAL_STATUSES),
    receivedAt: z.string(),
    updatedAt: z.string(),
    dueDate: z.string(),
    attempts: z.array(
      z.object({
        id: z.string(),
        channel: z.enum(CONTACT_CHANNELS),
        reached: z.boolean(),
        at: z.string(),
        note: z.optional(z.string()),
        by: z.string(),
      }),
    ),
    outcome: z.optional(
      z.object({
        outcome: z.enum(SIGNAL_OUTCOMES),
        note: z.optional(z.string()),
        at: z.string(),
        by: z.string(),
        intakeId: z.optional(z.string()),
      }),
    ),
    attachedTo: z.optional(z.string()),
    attached: z.array(
      z.object({
        id: z.string(),
        partnerId: z.string(),
        kind: z.enum(SIGNAL_KINDS),
        arrears: Money,
        since: z.string(),
        receivedAt: z.string(),
      }),
    ),
    version: z.number(),
  }),
);

export const parseSignal = (item: Record<string, unknown> | undefined): Signal | undefined => parseRecord(SIGNAL, SignalRecord, item);

/** The signal with its keys; only a lead signal (not one attached to an earlier outreach) is in its team's queue. */
export const signalItem = (signal: Signal, expiresAt: number | undefined) => ({
  ...signalKey(signal.id),
  ...(signal.attachedTo ? {} : signalQueueKeys(signal.teamId, signal.status, signal.receivedAt, signal.id)),
  type: SIGNAL,
  ...signal,
  ...(expiresAt ? { expiresAt } : {}),
});

/**
 * A partner's reference: `SIGREF#<partnerId>#<reference>` / `REFERENCE`, written with the signal,
 * with a digest of the body and the first answer, so a retry gets that answer (or a 409 for
 * another body) from one read.
 */
export const SIGNAL_REFERENCE = 'signal-reference';

export const SignalReferenceRecord = z.lazy(() =>
  z.looseObject({
    signalId: z.string(),
    bodyDigest: z.string(),
    receivedAt: z.string(),
  }),
);

export const signalReferenceItem = (
  partnerId: string,
  reference: string,
  record: z.output<typeof SignalReferenceRecord>,
  expiresAt: number,
) => ({
  ...signalReferenceKey(partnerId, reference),
  type: SIGNAL_REFERENCE,
  ...record,
  expiresAt,
});

export const parseSignalReference = (item: Record<string, unknown> | undefined) =>
  parseRecord(SIGNAL_REFERENCE, SignalReferenceRecord, item);

/**
 * The outreach under way for an address: `SIGADDR#<hmac(address)>` / `OUTREACH`, naming the lead
 * signal and its team; a signal for the address within 30 days of it is attached to the lead.
 * It expires after the 30 days (the function also checks the date: TTL deletes late).
 */
export const ADDRESS_OUTREACH = 'address-outreach';

export const AddressOutreachRecord = z.lazy(() =>
  z.looseObject({
    signalId: z.string(),
    teamId: z.string(),
    receivedAt: z.string(),
    /** How many later signals joined the outreach (at most MAX_JOINED_SIGNALS). */
    joined: z._default(z.number(), 0),
  }),
);

export const addressOutreachItem = (addressHash: string, record: z.input<typeof AddressOutreachRecord>, expiresAt: number) => ({
  ...addressOutreachKey(addressHash),
  type: ADDRESS_OUTREACH,
  ...record,
  expiresAt,
});

export const parseAddressOutreach = (item: Record<string, unknown> | undefined) =>
  parseRecord(ADDRESS_OUTREACH, AddressOutreachRecord, item);
