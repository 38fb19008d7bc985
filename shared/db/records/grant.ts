import * as z from 'zod/mini';
import type { ReachGrant } from '../../domain/access.ts';
import { type Grant, VERDICTS } from '../../domain/break-glass.ts';
import { grantIndexKeys, grantKey, REACH_GRANT_ATTRIBUTE_PREFIX } from '../keys.ts';
import { CorruptRecord, parseRecord } from './record.ts';

/**
 * A break-glass grant (v1.2 rule 17): `HH#<householdId>` / `GRANT#<key>`, in the team leaders'
 * lists by team (gsi1) and by whether it is reviewed (gsi2). Its review is set once, on the
 * condition that there is none yet.
 */
export const GRANT = 'grant';

const Person = z.looseObject({ userId: z.string(), name: z.optional(z.string()) });

// Its end is stored as `until`: `expiresAt` is the table's TTL attribute, which a record never holds.
export const GrantRecord = z.lazy(() =>
  z.pipe(
    z.looseObject({
      id: z.string(),
      householdId: z.string(),
      teamId: z.string(),
      holder: Person,
      reason: z.string(),
      grantedAt: z.string(),
      until: z.string(),
      review: z.optional(z.looseObject({ verdict: z.enum(VERDICTS), note: z.string(), by: Person, at: z.string() })),
    }),
    z.transform(({ until, ...grant }) => ({ ...grant, expiresAt: until })),
  ),
);

export const parseGrant = (item: Record<string, unknown> | undefined): Grant | undefined => parseRecord(GRANT, GrantRecord, item);

export const grantKeyOf = (grant: Pick<Grant, 'id' | 'householdId'>) => grantKey(grant.householdId, grant.id.split('.')[1] ?? grant.id);

export const grantItem = ({ expiresAt, ...grant }: Grant) => ({
  ...grantKeyOf(grant),
  ...grantIndexKeys(grant.teamId, grant.review !== undefined, grant.grantedAt, grant.id),
  type: GRANT,
  ...grant,
  until: expiresAt,
});

/** What a person's grants reach: `USER#<userId>` / `GRANTS`, one attribute `g_<householdId>` per household. */
export const REACH_GRANTS = 'reach-grants';

const ReachGrantRecord = z.lazy(() =>
  z.object({
    id: z.string(),
    householdId: z.string(),
    teamId: z.string(),
    grantedAt: z.string(),
    expiresAt: z.string(),
  }),
);

export const reachGrantAttribute = (householdId: string): string => `${REACH_GRANT_ATTRIBUTE_PREFIX}${householdId}`;

export const reachGrantOf = (grant: Grant): ReachGrant => ({
  id: grant.id,
  householdId: grant.householdId,
  teamId: grant.teamId,
  grantedAt: grant.grantedAt,
  expiresAt: grant.expiresAt,
});

/** Every grant the item holds, expired or not (the access module decides which are in force). */
export function parseReachGrants(item: Record<string, unknown> | undefined): ReachGrant[] {
  if (!item) return [];
  if (item.type !== REACH_GRANTS) throw new CorruptRecord(REACH_GRANTS, `type tag ${String(item.type)}`);
  return Object.entries(item).flatMap(([name, value]) => {
    if (!name.startsWith(REACH_GRANT_ATTRIBUTE_PREFIX)) return [];
    const parsed = ReachGrantRecord.safeParse(value);
    if (!parsed.success) throw new CorruptRecord(REACH_GRANTS, name);
    return [parsed.data];
  });
}
