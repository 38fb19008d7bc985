/**
 * Every DynamoDB key of the single table is built here and nowhere else.
 *
 * | item                    | pk                    | sk                  | gsi1pk / gsi1sk                       |
 * | ----------------------- | --------------------- | ------------------- | ------------------------------------- |
 * | household               | HH#<householdId>      | HOUSEHOLD           | TEAM#<teamId>#<status> / <updatedAt>#<id> |
 * | intake                  | HH#<householdId>      | INTAKE#<intakeKey>  |                                       |
 * | BSN look-up             | BSN#<hmac(bsn)>       | LOOKUP              |                                       |
 * | address look-up         | ADDR#<hmac(address)>  | LOOKUP              |                                       |
 * | roster entry            | TEAM#<teamId>         | MEMBER#<userId>     |                                       |
 * | processing-log line     | LOG#<householdId>     | <at>#<lineId>       |                                       |
 *
 * Everything about one household lives in its partition, so the dossier is one Query. The
 * processing log has a partition of its own because it must outlive the household (TTL).
 * Look-ups hold only keyed hashes: no BSN or address is ever a key in clear text.
 */
export type Key = { pk: string; sk: string };

const HOUSEHOLD_PREFIX = 'HH#';

export const householdKey = (householdId: string): Key => ({ pk: `${HOUSEHOLD_PREFIX}${householdId}`, sk: 'HOUSEHOLD' });

export const householdPartition = (householdId: string): string => `${HOUSEHOLD_PREFIX}${householdId}`;

export const caseloadSortKey = (updatedAt: string, householdId: string): string => `${updatedAt}#${householdId}`;

export const caseloadIndexKeys = (teamId: string, status: string, updatedAt: string, householdId: string) => ({
  gsi1pk: `TEAM#${teamId}#${status}`,
  gsi1sk: caseloadSortKey(updatedAt, householdId),
});

export const intakeKey = (householdId: string, intakeKey: string): Key => ({
  pk: `${HOUSEHOLD_PREFIX}${householdId}`,
  sk: `INTAKE#${intakeKey}`,
});

export const bsnLookupKey = (bsnHash: string): Key => ({ pk: `BSN#${bsnHash}`, sk: 'LOOKUP' });

export const addressLookupKey = (addressHash: string): Key => ({ pk: `ADDR#${addressHash}`, sk: 'LOOKUP' });

export const rosterKey = (teamId: string, userId: string): Key => ({ pk: `TEAM#${teamId}`, sk: `MEMBER#${userId}` });

export const rosterPartition = (teamId: string): string => `TEAM#${teamId}`;

export const processingLogKey = (householdId: string, at: string, lineId: string): Key => ({
  pk: `LOG#${householdId}`,
  sk: `${at}#${lineId}`,
});

/** Idempotency records of Powertools share the table under one static partition per function. */
export const idempotencyPartition = (functionName: string): string => `IDEMPOTENCY#${functionName}`;
