import * as z from 'zod/mini';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { Escalation } from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import { Money, Timestamp } from '../http/schemas.ts';
import type { escalationRoutes, precedentRoutes } from './contract.ts';

export const EscalationPage = z
  .object({ items: z.array(Escalation), nextCursor: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'EscalationPage', description: 'A page of escalations.' });

export const Precedent = z
  .object({
    id: z.string(),
    summary: z.string(),
    blockingRule: z.string(),
    organisations: z.array(z.string()),
    domains: z.array(z.enum(LIFE_DOMAINS)),
    solution: z.string(),
    decision: z.enum(['approved', 'rejected']),
    approvedCost: z.optional(Money),
    outcome: z
      .enum(['resolved', 'unresolved', 'pending'])
      .register(z.globalRegistry, { description: "The doorbraak's evaluation: pending until it is evaluated." }),
    decidedAt: Timestamp,
    leadTimeDays: z.number().register(z.globalRegistry, { description: 'From submission to the decision that settled it.' }),
  })
  .register(z.globalRegistry, {
    id: 'Precedent',
    description: 'A decided doorbraak published as a lesson: no household, no names, no BSNs.',
  });

export const PrecedentPage = z
  .object({ items: z.array(Precedent), nextCursor: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'PrecedentPage', description: 'A page of precedents, newest decision first.' });

/** A sum of approved costs: no upper bound, unlike one amount a client sends. */
export const TotalCost = z
  .object({ amount: z.number(), currency: z.literal('EUR') })
  .register(z.globalRegistry, { id: 'TotalCost', description: 'A total in euros.' });

export const PrecedentFigure = {
  count: z.int(),
  approvedShare: z.number(),
  medianLeadTimeDays: z.nullable(z.number()),
  resolvedShare: z
    .nullable(z.number())
    .register(z.globalRegistry, { description: 'Of the evaluated approved doorbraken, the share that resolved the problem.' }),
  approvedCost: TotalCost,
};

export const PrecedentFigures = z
  .object({
    year: z.int(),
    organisations: z.array(z.object({ organisation: z.string(), ...PrecedentFigure })),
    blockingRules: z.array(z.object({ blockingRule: z.string(), ...PrecedentFigure })),
  })
  .register(z.globalRegistry, {
    id: 'PrecedentFigures',
    description: 'What blocks most in a year: per organisation and per blocking rule, most often first.',
  });

/** The answers of the escalations function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const escalationAnswers = {
  submitEscalation: Escalation,
  listEscalations: EscalationPage,
  getEscalation: Escalation,
  decideEscalation: Escalation,
  giveInformation: Escalation,
  approveBudget: Escalation,
  evaluateEscalation: Escalation,
  publishPrecedent: Precedent,
  editPrecedent: Precedent,
  listPrecedents: PrecedentPage,
  getPrecedent: Precedent,
  getPrecedentFigures: PrecedentFigures,
} satisfies AnswersOf<(typeof escalationRoutes)[number] | (typeof precedentRoutes)[number]>;
