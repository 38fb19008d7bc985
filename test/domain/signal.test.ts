import { describe, expect, it } from 'vitest';
import { medianOfHistogram, signalFigures } from '#shared/domain/figures.ts';
import { outcomeRefusal, routeSignal, type Signal, withinMergeWindow } from '#shared/domain/signal.ts';
import { cities, runtimeConfigOf } from '../../infra/cities.ts';

/** The signal rules as plain functions (api.md 1.1 "Signals"); the HTTP tests prove them end to end. */
const enschede = runtimeConfigOf(cities.enschede);

const signal = (attempts: [string, boolean][], more: Partial<Signal> = {}): Signal => ({
  id: 's',
  partnerId: 'menzis',
  reference: 'r',
  kind: 'rent_arrears',
  arrears: { amount: 1, currency: 'EUR' },
  since: '2026-01-01',
  address: { postcode: '7545AB', houseNumber: '1' },
  addressHash: 'h',
  teamId: 'velve-lindenhof',
  routedBy: 'postcode_area',
  status: 'in_outreach',
  receivedAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  dueDate: '2026-11-11',
  attempts: attempts.map(([channel, reached], i) => ({
    id: `a${i}`,
    channel: channel as 'visit',
    reached,
    at: '2026-11-02T10:00:00.000Z',
    by: 'x',
  })),
  attached: [],
  version: 1,
  ...more,
});

describe('no contact (api.md: at least 3 attempts on at least 2 channels)', () => {
  it.each([
    [[], false],
    [
      [
        ['visit', false],
        ['phone', false],
      ],
      false,
    ],
    [
      [
        ['letter', false],
        ['letter', false],
        ['letter', false],
      ],
      false,
    ],
    [
      [
        ['letter', false],
        ['letter', false],
        ['visit', false],
      ],
      true,
    ],
    [
      [
        ['letter', false],
        ['phone', false],
        ['visit', false],
        ['email', false],
      ],
      true,
    ],
  ] as [[string, boolean][], boolean][])('%j → allowed %s', (attempts, allowed) => {
    expect(outcomeRefusal(signal(attempts), 'no_contact') === undefined).toBe(allowed);
  });
  it('allows one outcome only, and none on a signal that joined an earlier outreach', () => {
    expect(outcomeRefusal(signal([], { outcome: { outcome: 'help_declined', at: 'x', by: 'y' } }), 'help_accepted')).toBeDefined();
    expect(outcomeRefusal(signal([], { attachedTo: 'lead' }), 'help_declined')).toBeDefined();
    expect(outcomeRefusal(signal([]), 'help_declined')).toBeUndefined();
  });
});

describe('routing', () => {
  it("prefers the open household's team, then the postcode area, then the default intake team", () => {
    expect(routeSignal(enschede, '7545AB', { id: 'h', teamId: 'pathmos', status: 'open' })).toEqual({
      teamId: 'pathmos',
      routedBy: 'household',
      householdId: 'h',
    });
    expect(routeSignal(enschede, '7545AB', { id: 'h', teamId: 'pathmos', status: 'closed' })).toEqual({
      teamId: 'velve-lindenhof',
      routedBy: 'postcode_area',
    });
    expect(routeSignal(enschede, '9999ZZ', undefined)).toEqual({ teamId: 'binnenstad', routedBy: 'default_team' });
  });
  it('joins an outreach for 30 days after its first signal', () => {
    expect(withinMergeWindow('2026-11-01T10:00:00.000Z', '2026-12-01T09:59:59.000Z')).toBe(true);
    expect(withinMergeWindow('2026-11-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z')).toBe(false);
  });
});

describe('median days to first contact', () => {
  it('is null without contact, the middle value of an odd count, the mean of the middle two of an even count', () => {
    expect(medianOfHistogram(new Map())).toBeNull();
    expect(medianOfHistogram(new Map([[4, 1]]))).toBe(4);
    expect(
      medianOfHistogram(
        new Map([
          [0, 2],
          [7, 1],
        ]),
      ),
    ).toBe(0);
    expect(
      medianOfHistogram(
        new Map([
          [1, 1],
          [3, 1],
          [10, 2],
        ]),
      ),
    ).toBe(6.5);
    expect(
      medianOfHistogram(
        new Map([
          [2, 3],
          [9, 1],
        ]),
      ),
    ).toBe(2);
  });
  it("reads a partner's figures apart from the team's", () => {
    const counts = {
      signalsReceived: 3,
      'partner.menzis.signalsReceived': 1,
      'firstContactDays.0': 2,
      'firstContactDays.5': 1,
      'partner.menzis.firstContactDays.5': 1,
    };
    expect(signalFigures(counts)).toEqual({ received: 3, reached: 0, helpAccepted: 0, medianDaysToFirstContact: 0 });
    expect(signalFigures(counts, 'menzis')).toEqual({ received: 1, reached: 0, helpAccepted: 0, medianDaysToFirstContact: 5 });
  });
});

describe("the cities' postcode areas", () => {
  it('never give one area to two teams, and each default intake team is a wijkteam of the city', () => {
    for (const city of Object.values(cities)) {
      const areas = city.teams.flatMap((team) => team.postcodeAreas ?? []);
      expect(new Set(areas).size, city.id).toBe(areas.length);
      for (const area of areas) expect(area, city.id).toMatch(/^[1-9]\d{3}$/);
      expect(city.teams.find((team) => team.id === city.defaultIntakeTeamId)?.kind, city.id).toBe('wijkteam');
    }
  });
});
