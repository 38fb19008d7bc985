import * as z from 'zod/mini';
import { TEAM_WORKERS } from '#shared/domain/access.ts';
import { CONTACT_CHANNELS, MAX_NOTE_LENGTH, SIGNAL_KINDS, SIGNAL_OUTCOMES, SIGNAL_STATUSES } from '#shared/domain/signal.ts';
import { defineRoute } from '../http/contract.ts';
import {
  Bsn,
  DateNotInFuture,
  HouseNumber,
  HouseNumberAddition,
  IdempotencyHeaders,
  ListQuery,
  Postcode,
  Timestamp,
} from '../http/schemas.ts';

const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** Clocks differ: an attempt a few minutes "in the future" is a clock, not a mistake. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const AttemptTime = Timestamp.check(z.refine((at) => Date.parse(at) <= Date.now() + CLOCK_SKEW_MS, 'must not be in the future'));

export const Arrears = z
  .strictObject({ amount: z.number().check(z.positive(), z.lte(1_000_000), z.multipleOf(0.01)), currency: z.literal('EUR') })
  .register(z.globalRegistry, { id: 'Arrears', description: 'The amount in arrears, in euros (more than zero).' });

export const SignalAddress = z.strictObject({
  postcode: Postcode,
  houseNumber: HouseNumber,
  houseNumberAddition: z.optional(HouseNumberAddition),
});

const SignalPerson = z.strictObject({ name: Text(200), birthDate: DateNotInFuture, bsn: z.optional(Bsn) });

export const NewSignal = z
  .strictObject({
    reference: z
      .string()
      .check(z.regex(/^[\x21-\x7e]{1,100}$/, 'must be 1 to 100 printable characters without spaces'))
      .register(z.globalRegistry, {
        description: "The partner's own id of the signal: a retry with the same reference and body gets the first answer.",
      }),
    kind: z.enum(SIGNAL_KINDS),
    arrears: Arrears,
    since: DateNotInFuture.clone().register(z.globalRegistry, { description: 'Since when the payments are behind.' }),
    address: SignalAddress,
    person: z.optional(SignalPerson),
    contact: z.optional(
      z.strictObject({
        phone: z.optional(z.string().check(z.regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number'))),
        email: z.optional(z.email({ error: 'must be an e-mail address' }).check(z.maxLength(200))),
      }),
    ),
  })
  .register(z.globalRegistry, { id: 'NewSignal', description: 'A signal of payment arrears from a partner (vroegsignalering).' });

const SignalParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) });

export const receiveSignalRoute = defineRoute({
  operationId: 'receiveSignal',
  method: 'POST',
  path: '/signals',
  fn: 'signals',
  summary: 'Send a signal of payment arrears (partners)',
  tag: 'Signals',
  auth: 'jwt',
  callers: 'partners',
  purpose: 'receiving a signal of payment arrears',
  processingActivity: 'vroegsignalering',
  body: NewSignal,
  headers: IdempotencyHeaders,
  success: {
    status: 201,
    description: 'Received (also for a retry with the same reference and body).',
    headers: { Location: 'The signal, for the partner to follow.' },
  },
  errors: ['invalid_input', 'forbidden', 'conflict', 'payload_too_large', 'unsupported_media_type'],
});

export const readSignalRoute = defineRoute({
  operationId: 'getSignal',
  method: 'GET',
  path: '/signals/{id}',
  fn: 'signals',
  summary: 'Read a signal: its status for the partner that sent it, all of it for its team',
  tag: 'Signals',
  auth: 'jwt',
  callers: 'both',
  roles: TEAM_WORKERS,
  purpose: 'outreach after a signal',
  processingActivity: 'outreach',
  params: SignalParams,
  success: {
    status: 200,
    description: 'The partner that sent it gets PartnerSignal; a professional of its team gets Signal.',
  },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const signalQueueRoute = defineRoute({
  operationId: 'listSignals',
  method: 'GET',
  path: '/signals',
  fn: 'signals',
  summary: "A team's outreach queue, oldest first",
  tag: 'Signals',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'outreach after a signal',
  processingActivity: 'outreach',
  query: z.object({
    teamId: z.string().check(z.minLength(1), z.maxLength(100)),
    status: z
      .optional(z.enum(SIGNAL_STATUSES))
      .register(z.globalRegistry, { description: 'Without it: the signals still without outcome (received, in outreach).' }),
    ...ListQuery,
  }),
  success: { status: 200, description: "The team's signals, oldest first by receipt." },
  errors: ['invalid_input', 'forbidden', 'not_found'],
});

export const contactAttemptRoute = defineRoute({
  operationId: 'recordContactAttempt',
  method: 'POST',
  path: '/signals/{id}/contact-attempts',
  fn: 'signals',
  summary: 'Record a visit, letter, call or e-mail to the household',
  tag: 'Signals',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'outreach after a signal',
  processingActivity: 'outreach',
  params: SignalParams,
  body: z
    .strictObject({ channel: z.enum(CONTACT_CHANNELS), reached: z.boolean(), at: AttemptTime, note: z.optional(Text(MAX_NOTE_LENGTH)) })
    .register(z.globalRegistry, { id: 'NewContactAttempt', description: 'One attempt to reach the household, reached or not.' }),
  success: {
    status: 201,
    description: 'The signal with the attempt; its status is in_outreach.',
    headers: { Location: 'The signal.' },
  },
  errors: ['invalid_input', 'not_found', 'conflict', 'payload_too_large', 'unsupported_media_type'],
});

export const signalOutcomeRoute = defineRoute({
  operationId: 'recordSignalOutcome',
  method: 'POST',
  path: '/signals/{id}/outcome',
  fn: 'signals',
  summary: 'Record how the outreach ended; help accepted registers the intake',
  tag: 'Signals',
  auth: 'jwt',
  roles: TEAM_WORKERS,
  purpose: 'outreach after a signal',
  processingActivity: 'outreach',
  params: SignalParams,
  body: z
    .strictObject({
      outcome: z.enum(SIGNAL_OUTCOMES),
      note: z.optional(Text(MAX_NOTE_LENGTH)),
      person: z.optional(SignalPerson).register(z.globalRegistry, {
        description: 'With help accepted: the person who accepted it, when the signal names nobody or named them wrongly.',
      }),
    })
    .register(z.globalRegistry, {
      id: 'SignalOutcome',
      description: 'The end of the outreach. No contact needs at least 3 attempts on at least 2 channels.',
    }),
  success: {
    status: 200,
    description: 'The signal with its outcome; with help accepted, `intakeId` names the intake registered in the same transaction.',
  },
  errors: ['invalid_input', 'not_found', 'conflict', 'payload_too_large', 'unsupported_media_type'],
});

export const signalRoutes = [receiveSignalRoute, signalQueueRoute, readSignalRoute, contactAttemptRoute, signalOutcomeRoute];
