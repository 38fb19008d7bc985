import * as z from 'zod/mini';
import { indexedNameWords } from '../../domain/names.ts';
import { nameEntryKey, nameIndexKeys } from '../keys.ts';
import { parseRecord } from './record.ts';

/**
 * A member's entry in the name index: `HH#<householdId>` / `NAME#<memberId>`, indexed under the
 * household's team once per word the member is found by (shared/db/keys.ts). It holds no more
 * than the index needs: the name is read from the household itself.
 */
export const NAME_ENTRY = 'name-entry';

export const NameEntryRecord = z.lazy(() => z.looseObject({ householdId: z.string(), memberId: z.string(), teamId: z.string() }));

export const parseNameEntry = (item: Record<string, unknown> | undefined) => parseRecord(NAME_ENTRY, NameEntryRecord, item);

export const nameEntryItem = (teamId: string, householdId: string, member: { id: string; name: string }) => ({
  ...nameEntryKey(householdId, member.id),
  ...nameIndexKeys(teamId, indexedNameWords(member.name), householdId, member.id),
  type: NAME_ENTRY,
  householdId,
  memberId: member.id,
  teamId,
});

/** Transaction items that put the name entries of these members. */
export const nameEntryPuts = (table: string, teamId: string, householdId: string, members: { id: string; name: string }[]) =>
  members.map((member) => ({ Put: { TableName: table, Item: nameEntryItem(teamId, householdId, member) } }));
