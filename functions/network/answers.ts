import * as z from 'zod';
import { Consent, Disclosure, DisclosurePackage } from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import type { networkRoutes } from './contract.ts';

/** The answers of the network function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const networkAnswers = {
  recordConsent: Consent,
  withdrawConsent: Consent,
  listConsents: z
    .object({ items: z.array(Consent), nextCursor: z.string().nullable() })
    .meta({ id: 'ConsentPage', description: 'A page of consents, newest first.' }),
  disclose: Disclosure.extend({ package: DisclosurePackage }).meta({
    id: 'DisclosureWithPackage',
    description: 'The disclosure, and the package handed over.',
  }),
  listDisclosures: z
    .object({ items: z.array(Disclosure), nextCursor: z.string().nullable() })
    .meta({ id: 'DisclosurePage', description: 'A page of disclosures, newest first.' }),
} satisfies AnswersOf<(typeof networkRoutes)[number]>;
