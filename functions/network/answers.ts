import * as z from 'zod/mini';
import { Consent, Disclosure, DisclosurePackage } from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import type { networkRoutes } from './contract.ts';

/** The answers of the network function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const networkAnswers = {
  recordConsent: Consent,
  withdrawConsent: Consent,
  listConsents: z
    .object({ items: z.array(Consent), nextCursor: z.nullable(z.string()) })
    .register(z.globalRegistry, { id: 'ConsentPage', description: 'A page of consents, newest first.' }),
  disclose: z.extend(Disclosure, { package: DisclosurePackage }).register(z.globalRegistry, {
    id: 'DisclosureWithPackage',
    description: 'The disclosure, and the package handed over.',
  }),
  listDisclosures: z
    .object({ items: z.array(Disclosure), nextCursor: z.nullable(z.string()) })
    .register(z.globalRegistry, { id: 'DisclosurePage', description: 'A page of disclosures, newest first.' }),
} satisfies AnswersOf<(typeof networkRoutes)[number]>;
