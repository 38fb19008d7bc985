import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
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
  bsnHash: z.string().optional(),
  bsnMasked: z.string().optional(),
  legalRelations: z
    .array(
      z.looseObject({
        kind: z.enum(LEGAL_RELATION_KINDS),
        holderName: z.string(),
        holderOrganisation: z.string().optional(),
        since: z.string(),
      }),
    )
    .optional(),
});

const FormerMember = z.looseObject({
  id: z.string(),
  name: z.string(),
  birthDate: z.string(),
  role: z.enum(MEMBER_ROLES),
  bsnMasked: z.string().optional(),
  leftAt: z.string(),
  reason: z.string(),
});

const InvolvedParty = z.looseObject({
  id: z.string(),
  kind: z.enum(INVOLVED_KINDS),
  name: z.string(),
  organisation: z.string().optional(),
  role: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  about: z.array(z.string()),
  domains: z.array(z.enum(LIFE_DOMAINS)),
  since: z.string().optional(),
  addedAt: z.string(),
  addedBy: z.string(),
});

const FormerInvolvedParty = InvolvedParty.extend({ until: z.string(), endReason: z.string(), endedAt: z.string(), endedBy: z.string() });

export const HouseholdRecord = z.looseObject({
  id: z.string(),
  teamId: z.string(),
  status: z.enum(['open', 'closed']),
  address: z.looseObject({ postcode: z.string(), houseNumber: z.string(), houseNumberAddition: z.string().optional() }),
  members: z.array(Member),
  formerMembers: z.array(FormerMember).optional(),
  involved: z.array(InvolvedParty).optional(),
  formerInvolved: z.array(FormerInvolvedParty).optional(),
  needsPlan: z.boolean(),
  regisseur: z
    .looseObject({ userId: z.string(), name: z.string().optional(), appointedAt: z.string(), appointedBy: z.string() })
    .optional(),
  openEscalations: z.number().optional(),
  journalEntries: z.number().optional(),
  planStatus: z.enum(['draft', 'active', 'closed']).optional(),
  ownedBsnHashes: z.array(z.string()),
  addressHash: z.string(),
  firstAssessment: z.looseObject({ id: z.string(), scores: z.record(z.string(), z.number()) }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().optional(),
  movedAt: z.string().optional(),
  closeReason: z.string().optional(),
  version: z.number(),
});

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
