import { describe, expect, it } from 'vitest';
import { householdItem, parseHousehold } from '#shared/db/records/household.ts';
import { intakeItem, parseIntake } from '#shared/db/records/intake.ts';
import { CorruptRecord } from '#shared/db/records/record.ts';
import type { Household } from '#shared/domain/household.ts';
import type { Intake } from '#shared/domain/intake.ts';

/** Item → record parsing is checked (the parameter shape, apart from the database tests). */
const now = '2026-11-23T10:00:00.000Z';
const household: Household = {
  id: 'h'.repeat(22),
  teamId: 'velve-lindenhof',
  status: 'open',
  address: { postcode: '7544AB', houseNumber: '12' },
  members: [{ id: 'm'.repeat(22), name: 'Jan', birthDate: '1984-03-02', role: 'adult', bsnHash: 'x', bsnMasked: '******333' }],
  needsPlan: false,
  ownedBsnHashes: ['x'],
  addressHash: 'y',
  createdAt: now,
  updatedAt: now,
  version: 1,
};

describe('record parsing', () => {
  it('gives back the record that was written, without the keys, index keys, type tag or bookkeeping attributes', () => {
    const item = householdItem(household);
    expect(Object.keys(item).some((name) => name.startsWith('member#'))).toBe(true);
    expect(parseHousehold(item)).toEqual(household);
  });

  it('refuses an item of another kind, and one whose fields are not the record', () => {
    const intake: Intake = {
      id: 'i'.repeat(43),
      householdId: household.id,
      teamId: 'velve-lindenhof',
      channel: 'walk_in',
      urgency: 'normal',
      question: 'verhaal',
      domains: ['finances'],
      status: 'open',
      visibleToTeams: ['velve-lindenhof'],
      createdAt: now,
      createdBy: 'anna',
    };
    expect(() => parseHousehold(intakeItem(intake))).toThrow(CorruptRecord);
    expect(() => parseIntake({ ...intakeItem(intake), status: 'lost' })).toThrow(CorruptRecord);
    const { members: _members, ...withoutMembers } = householdItem(household);
    expect(() => parseHousehold(withoutMembers)).toThrow(/members/);
    expect(parseIntake(undefined)).toBeUndefined();
  });
});
