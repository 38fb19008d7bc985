import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { type Household, LEGAL_RELATION_KINDS, MEMBER_ROLES, memberIdentity } from '../../domain/household.ts';
import { INVOLVED_KINDS } from '../../domain/involved.ts';
import { LIFE_DOMAINS } from '../../domain/life-domains.ts';
import { caseloadIndexKeys, householdKey, memberIdentityAttribute } from '../keys.ts';
import { parseRecord } from './record.ts';

/** The household record: `HH#<id>` / `HOUSEHOLD`, in its team's caseload index. */
export const HOUSEHOLD = 'household';

const Member = z.looseObject({
  id: z.string(),
  name: z.string(),
  birthDate: z.string(),
  role: z.enum(MEMBER_ROLES),
  bsnHash: z.optional(z.string()),
  bsnMasked: z.optional(z.string()),
  legalRelations: z.optional(
    z.array(
      z.looseObject({
        kind: z.enum(LEGAL_RELATION_KINDS),
        holderName: z.string(),
        holderOrganisation: z.optional(z.string()),
        since: z.string(),
      }),
    ),
  ),
});

const FormerMember = z.looseObject({
  id: z.string(),
  name: z.string(),
  birthDate: z.string(),
  role: z.enum(MEMBER_ROLES),
  bsnMasked: z.optional(z.string()),
  leftAt: z.string(),
  reason: z.string(),
});

const InvolvedParty = z.looseObject({
  id: z.string(),
  kind: z.enum(INVOLVED_KINDS),
  name: z.string(),
  organisation: z.optional(z.string()),
  role: z.optional(z.string()),
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
  about: z.array(z.string()),
  domains: z.array(z.enum(LIFE_DOMAINS)),
  since: z.optional(z.string()),
  addedAt: z.string(),
  addedBy: z.string(),
});

const FormerInvolvedParty = z.extend(InvolvedParty, { until: z.string(), endReason: z.string(), endedAt: z.string(), endedBy: z.string() });

export const HouseholdRecord = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    teamId: z.string(),
    status: z.enum(['open', 'closed']),
    address: z.looseObject({ postcode: z.string(), houseNumber: z.string(), houseNumberAddition: z.optional(z.string()) }),
    members: z.array(Member),
    formerMembers: z.optional(z.array(FormerMember)),
    involved: z.optional(z.array(InvolvedParty)),
    formerInvolved: z.optional(z.array(FormerInvolvedParty)),
    needsPlan: z.boolean(),
    regisseur: z.optional(
      z.looseObject({ userId: z.string(), name: z.optional(z.string()), appointedAt: z.string(), appointedBy: z.string() }),
    ),
    openEscalations: z.optional(z.number()),
    journalEntries: z.optional(z.number()),
    planStatus: z.optional(z.enum(['draft', 'active', 'closed'])),
    ownedBsnHashes: z.array(z.string()),
    addressHash: z.string(),
    firstAssessment: z.optional(z.looseObject({ id: z.string(), scores: z.record(z.string(), z.number()) })),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.optional(z.string()),
    movedAt: z.optional(z.string()),
    closeReason: z.optional(z.string()),
    version: z.number(),
  }),
);

export const parseHousehold = (item: Record<string, unknown> | undefined): Household | undefined =>
  parseRecord(HOUSEHOLD, HouseholdRecord, item);

/** The item, with one identity attribute per member, so a person is added once (see memberIdentity). */
export const householdItem = (household: Household) => ({
  ...householdKey(household.id),
  ...caseloadIndexKeys(household.teamId, household.status, household.createdAt, household.id),
  type: HOUSEHOLD,
  ...household,
  ...Object.fromEntries(household.members.map((member) => [memberIdentityAttribute(memberIdentity(member)), member.id])),
});

/** One household by id, strongly consistent: the one reader every store uses. */
export async function readHousehold(db: DynamoDBDocumentClient, table: string, householdId: string): Promise<Household | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: table, Key: householdKey(householdId), ConsistentRead: true }));
  return parseHousehold(Item);
}
