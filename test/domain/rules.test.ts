import { describe, expect, it } from 'vitest';
import { principalFromClaims } from '#shared/auth.ts';
import { isDutchPostcode, normalizeAddress } from '#shared/domain/address.ts';
import { isValidBsn, maskBsn } from '#shared/domain/bsn.ts';
import { chooseHousehold, type HouseholdMember, membersNotYetKnown } from '#shared/domain/household.ts';
import { DomainError, toProblem } from '#shared/errors.ts';
import { householdChildId, newId, parseHouseholdChildId } from '#shared/ids.ts';

describe('BSN 11-proef', () => {
  it.each(['111222333', '123456782', '999999990'])('accepts %s', (bsn) => expect(isValidBsn(bsn)).toBe(true));
  it.each([
    ['123456789', 'weighted sum not divisible by 11'],
    ['11122233', 'eight digits'],
    ['1112223330', 'ten digits'],
    ['11122233a', 'a letter'],
    ['000000000', 'all zeros'],
    ['', 'empty'],
  ])('refuses %s (%s)', (bsn) => expect(isValidBsn(bsn)).toBe(false));
  it('masks all but the last three digits', () => expect(maskBsn('111222333')).toBe('******333'));
});

describe('Dutch postcode', () => {
  it.each(['7544AB', '7544 AB', '1011ac'])('accepts %s', (postcode) => expect(isDutchPostcode(postcode)).toBe(true));
  it.each(['0544AB', '754AB', '7544A', '7544SS', '7544 SA', '7544SD', 'ABCD12', '7544  AB'])('refuses %s', (postcode) =>
    expect(isDutchPostcode(postcode)).toBe(false),
  );
  it('normalizes spacing and case so that one address has one form', () => {
    expect(normalizeAddress({ postcode: '7544 ab', houseNumber: ' 12 ', houseNumberAddition: 'a' })).toEqual({
      postcode: '7544AB',
      houseNumber: '12',
      houseNumberAddition: 'A',
    });
    expect(normalizeAddress({ postcode: '7544AB', houseNumber: '12', houseNumberAddition: ' ' })).toEqual({
      postcode: '7544AB',
      houseNumber: '12',
    });
  });
});

describe('household matching (one household, one record)', () => {
  it('prefers a BSN match over an address match', () => {
    expect(chooseHousehold({ byBsn: [{ bsnHash: 'h1', householdId: 'A' }], byAddress: 'B' })).toBe('A');
    expect(chooseHousehold({ byBsn: [], byAddress: 'B' })).toBe('B');
    expect(chooseHousehold({ byBsn: [] })).toBeUndefined();
  });

  const known: HouseholdMember[] = [
    { id: '1', name: 'Jan Jansen', birthDate: '1984-03-02', role: 'adult', bsnHash: 'hash-jan', bsnMasked: '******333' },
    { id: '2', name: 'Piet  Jansen', birthDate: '2015-06-01', role: 'child' },
  ];

  it('adds only members not yet known, by BSN or by name and birth date', () => {
    const added = membersNotYetKnown(known, [
      { name: 'J. Jansen', birthDate: '1984-03-02', role: 'adult', bsnHash: 'hash-jan' },
      { name: 'piet jansen', birthDate: '2015-06-01', role: 'child' },
      { name: 'Kees Jansen', birthDate: '2018-01-01', role: 'child' },
    ]);
    expect(added.map((m) => m.name)).toEqual(['Kees Jansen']);
  });

  it('treats a different BSN as a different person even with the same name and birth date', () => {
    const added = membersNotYetKnown(known, [{ name: 'Jan Jansen', birthDate: '1984-03-02', role: 'adult', bsnHash: 'other' }]);
    expect(added).toHaveLength(1);
  });
});

describe('claims', () => {
  it('reads groups as Cognito sends them and as API Gateway flattens them', () => {
    const fromCognito = principalFromClaims({ sub: 'anna', 'cognito:groups': ['intaker', 'teamleider'], 'custom:teams': 'a,b' });
    const fromGateway = principalFromClaims({ sub: 'anna', 'cognito:groups': '[intaker teamleider]', 'custom:teams': 'a, b' });
    expect(fromCognito).toEqual({ userId: 'anna', roles: ['intaker', 'teamleider'], teams: ['a', 'b'] });
    expect(fromGateway).toEqual(fromCognito);
  });
  it('ignores unknown groups and refuses a token without subject', () => {
    expect(principalFromClaims({ sub: 'x', 'cognito:groups': '[admin beheerder]' })?.roles).toEqual(['beheerder']);
    expect(principalFromClaims({ 'cognito:groups': '[intaker]' })).toBeUndefined();
  });
  // v1.2 rule 18 (docs/decisions.md): a resident is a user the DigiD broker signed in (Cognito's
  // username `DigiD_…`) with a nine-digit BSN; a BSN claim on anything else is no resident.
  it('takes a resident only from the DigiD provider with a nine-digit BSN', () => {
    const resident = { sub: 'r-1', 'cognito:username': 'DigiD_abc', 'custom:bsn': '999990019' };
    expect(principalFromClaims(resident)).toEqual({ userId: 'r-1', roles: [], teams: [], residentBsn: '999990019' });
    // Groups on a resident's token give it no role.
    expect(principalFromClaims({ ...resident, 'cognito:groups': ['teamleider'] })).toMatchObject({ roles: [], residentBsn: '999990019' });
    for (const forged of [
      { ...resident, 'cognito:username': 'mallory' },
      { ...resident, 'cognito:username': 'Google_abc' },
      { ...resident, 'cognito:username': undefined },
      { ...resident, 'custom:bsn': '99999001' },
      { ...resident, 'custom:bsn': '9999900190' },
      { ...resident, 'custom:bsn': 999990019 },
      { ...resident, 'custom:bsn': '99999001x' },
    ])
      expect(principalFromClaims(forged)?.residentBsn, JSON.stringify(forged)).toBeUndefined();
  });
});

describe('problem details', () => {
  it('maps a domain error to its status and keeps its detail', () => {
    const problem = toProblem(new DomainError('conflict', 'The intake has already been triaged.'), '/v1/intakes/x/triage');
    expect(problem).toMatchObject({ status: 409, title: 'Conflict', detail: 'The intake has already been triaged.' });
  });
  it('hides the cause of an unexpected error', () => {
    const problem = toProblem(new Error('ValidationException: key pk=BSN#111222333'), '/v1/intakes');
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('111222333');
  });
});

describe('ids', () => {
  it('round-trips an intake id through its household id', () => {
    const householdId = newId();
    const key = newId();
    expect(parseHouseholdChildId(householdChildId(householdId, key))).toEqual({ householdId, key });
  });
  it.each(['', 'abc', `${newId()}`, `${newId()}.${newId()}.${newId()}`, `${newId()}.short`])('refuses %s', (id) =>
    expect(parseHouseholdChildId(id)).toBeUndefined(),
  );
});
