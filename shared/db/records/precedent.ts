import * as z from 'zod/mini';
import { LIFE_DOMAINS } from '../../domain/life-domains.ts';
import type { Precedent } from '../../domain/precedent.ts';
import { precedentKey } from '../keys.ts';
import { Money, parseRecord } from './record.ts';

/** A doorbraak precedent: `PRECEDENTS` / `PRECEDENT#<id>`. No household, escalation, name or BSN in it. */
export const PRECEDENT = 'precedent';

export const PrecedentRecord = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    summary: z.string(),
    blockingRule: z.string(),
    organisations: z.array(z.string()),
    domains: z.array(z.enum(LIFE_DOMAINS)),
    solution: z.string(),
    decision: z.enum(['approved', 'rejected']),
    approvedCost: z.optional(Money),
    outcome: z.enum(['resolved', 'unresolved', 'pending']),
    decidedAt: z.string(),
    leadTimeDays: z.number(),
    publishedAt: z.string(),
    publishedBy: z.string(),
    updatedAt: z.string(),
  }),
);

export const parsePrecedent = (item: Record<string, unknown> | undefined): Precedent | undefined =>
  parseRecord(PRECEDENT, PrecedentRecord, item);

export const precedentItem = (precedent: Precedent) => ({ ...precedentKey(precedent.id), type: PRECEDENT, ...precedent });
