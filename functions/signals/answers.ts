import * as z from 'zod/mini';
import { CONTACT_CHANNELS, SIGNAL_KINDS, SIGNAL_OUTCOMES, SIGNAL_ROUTES, SIGNAL_STATUSES } from '#shared/domain/signal.ts';
import type { AnswersOf } from '../http/contract.ts';
import { CalendarDate, Timestamp } from '../http/schemas.ts';
import type { signalRoutes } from './contract.ts';
import { Arrears, SignalAddress } from './contract.ts';

export const ReceivedSignal = z
  .object({ id: z.string(), status: z.literal('received'), receivedAt: Timestamp })
  .register(z.globalRegistry, { id: 'ReceivedSignal', description: 'The signal was received: the team of the address will reach out.' });

export const PartnerSignal = z
  .object({ id: z.string(), reference: z.string(), status: z.enum(SIGNAL_STATUSES), updatedAt: Timestamp })
  .register(z.globalRegistry, {
    id: 'PartnerSignal',
    description:
      "What the partner that sent a signal may know of it: whether contact was made and help accepted, never the household's data.",
  });

export const ContactAttempt = z.object({
  id: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  reached: z.boolean(),
  at: Timestamp,
  note: z.optional(z.string()),
  by: z.string(),
});

export const Signal = z
  .object({
    id: z.string(),
    reference: z.string(),
    partnerId: z.string(),
    partnerName: z.string(),
    kind: z.enum(SIGNAL_KINDS),
    arrears: Arrears,
    since: CalendarDate,
    address: SignalAddress,
    person: z.optional(z.object({ name: z.string(), birthDate: CalendarDate, bsnMasked: z.optional(z.string()) })),
    contact: z.optional(z.object({ phone: z.optional(z.string()), email: z.optional(z.string()) })),
    teamId: z.string(),
    routedBy: z.enum(SIGNAL_ROUTES).register(z.globalRegistry, {
      description:
        "How the signal found its team: the open household it matched, the wijkteam's postcode area, the city's default intake team, or an earlier signal for the address (within 30 days).",
    }),
    householdId: z
      .optional(z.string())
      .register(z.globalRegistry, { description: 'The open household of the team that the signal matched (BSN or address).' }),
    status: z.enum(SIGNAL_STATUSES),
    receivedAt: Timestamp,
    updatedAt: Timestamp,
    dueDate: CalendarDate.clone().register(z.globalRegistry, {
      description: "By when the team should have reached out (the city's outreach period).",
    }),
    attempts: z.array(ContactAttempt),
    outcome: z.optional(z.object({ outcome: z.enum(SIGNAL_OUTCOMES), note: z.optional(z.string()), at: Timestamp, by: z.string() })),
    intakeId: z
      .optional(z.string())
      .register(z.globalRegistry, { description: 'With help accepted: the intake registered from the signal.' }),
    attachedTo: z.optional(z.string()).register(z.globalRegistry, {
      description: 'An earlier signal for the same address whose outreach this one joined: attempts and outcome are recorded there.',
    }),
    attached: z
      .array(
        z.object({
          id: z.string(),
          partnerId: z.string(),
          kind: z.enum(SIGNAL_KINDS),
          arrears: Arrears,
          since: CalendarDate,
          receivedAt: Timestamp,
        }),
      )
      .register(z.globalRegistry, { description: 'Later signals for the same address within 30 days: one outreach for all of them.' }),
  })
  .register(z.globalRegistry, {
    id: 'Signal',
    description: "A signal as its team sees it: all of it, the outreach's attempts and outcome.",
  });

export const SignalPage = z
  .object({ items: z.array(Signal), nextCursor: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'SignalPage', description: "A page of the team's outreach queue, oldest first." });

/** The answers of the signals function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const signalAnswers = {
  receiveSignal: ReceivedSignal,
  getSignal: z.union([Signal, PartnerSignal]),
  listSignals: SignalPage,
  recordContactAttempt: Signal,
  recordSignalOutcome: Signal,
} satisfies AnswersOf<(typeof signalRoutes)[number]>;
