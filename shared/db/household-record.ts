import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { type Household, memberIdentity } from '../domain/household.ts';
import { entityOf } from './client.ts';
import { caseloadIndexKeys, householdKey, memberIdentityAttribute } from './keys.ts';

/**
 * The household record: its item (key, caseload index keys, type tag, and one identity
 * attribute per member, so a person is added once) and its one reader. Every store that
 * writes or reads a household item uses these.
 */
export const householdItem = (household: Household) => ({
  ...householdKey(household.id),
  ...caseloadIndexKeys(household.teamId, household.status, household.createdAt, household.id),
  type: 'household',
  ...household,
  ...Object.fromEntries(household.members.map((member) => [memberIdentityAttribute(memberIdentity(member)), member.id])),
});

/** One household by id, strongly consistent: the one reader every store uses. */
export async function readHousehold(db: DynamoDBDocumentClient, table: string, householdId: string): Promise<Household | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: table, Key: householdKey(householdId), ConsistentRead: true }));
  return entityOf<Household>(Item);
}
