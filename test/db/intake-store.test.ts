import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoIntakeStore } from '#shared/db/intake-store.ts';
import { addressLookupKey, bsnLookupKey, householdKey, processingLogKey, rosterKey } from '#shared/db/keys.ts';
import { householdItem } from '#shared/db/records/household.ts';
import { intakeItem } from '#shared/db/records/intake.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import type { Household } from '#shared/domain/household.ts';
import type { Intake } from '#shared/domain/intake.ts';
import { newId } from '#shared/ids.ts';
import { sealedIntakeIds } from '#shared/intake-ids.ts';
import type { ProcessingLogLine } from '#shared/processing-log.ts';
import type { IntakeStore } from '#shared/use-cases/ports.ts';
import { ConcurrentChange } from '#shared/use-cases/races.ts';
import { freshTable } from '../setup/helpers.ts';

const now = '2026-11-22T10:00:00.000Z';

const household = (overrides: Partial<Household> = {}): Household => ({
  id: newId(),
  teamId: 'velve-lindenhof',
  status: 'open',
  address: { postcode: '7544AB', houseNumber: '12' },
  members: [{ id: newId(), name: 'Jan', birthDate: '1984-03-02', role: 'adult', bsnHash: 'h-jan', bsnMasked: '******333' }],
  needsPlan: false,
  ownedBsnHashes: [],
  addressHash: 'addr',
  createdAt: now,
  updatedAt: now,
  version: 1,
  ...overrides,
});

const intakeFor = (householdId: string): Intake => ({
  id: sealedIntakeIds(randomBytes(32)).seal(householdId),
  householdId,
  teamId: 'velve-lindenhof',
  channel: 'walk_in',
  urgency: 'normal',
  question: 'story',
  domains: ['finances'],
  status: 'open',
  visibleToTeams: ['velve-lindenhof'],
  createdAt: now,
  createdBy: 'anna',
});

const logLine = (householdId: string): ProcessingLogLine => ({
  id: newId(),
  householdId,
  at: now,
  actor: 'anna',
  roles: ['intaker'],
  action: 'create',
  resource: '/intakes/x',
  purpose: 'test',
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  processingActivityId: 'intake-registration',
  processingActivityVersion: 1,
  dataSubjects: [],
  status: 'ok',
});

describe('item shapes (no database)', () => {
  it("indexes a household in its team's caseload by status and arrival", () => {
    const h = household({ id: 'H1', teamId: 'pathmos', createdAt: '2025-06-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    expect(householdItem(h)).toMatchObject({
      pk: 'HH#H1',
      sk: 'HOUSEHOLD',
      gsi1pk: 'TEAM#pathmos#open',
      gsi1sk: '2025-06-01T00:00:00.000Z#H1',
      type: 'household',
    });
  });

  it("keeps an intake in its household's partition, under its sealed id", () => {
    const hid = newId();
    const intake = intakeFor(hid);
    expect(intakeItem(intake)).toMatchObject({ pk: `HH#${hid}`, sk: `INTAKE#${intake.id}` });
    expect(intake.id).not.toContain(hid);
  });

  it('seals the household into an intake id that only the key opens', () => {
    const ids = sealedIntakeIds(randomBytes(32));
    const hid = newId();
    const [one, two] = [ids.seal(hid), ids.seal(hid)];
    expect(one).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(one).not.toBe(two);
    expect(ids.open(one)).toBe(hid);
    expect(ids.open(two)).toBe(hid);
    expect(sealedIntakeIds(randomBytes(32)).open(one)).not.toBe(hid);
    expect(ids.open(`${hid}.${newId()}`)).toBeUndefined();
  });

  it('builds every other key in one place', () => {
    expect(bsnLookupKey('abc')).toEqual({ pk: 'BSN#abc', sk: 'LOOKUP' });
    expect(addressLookupKey('def')).toEqual({ pk: 'ADDR#def', sk: 'LOOKUP' });
    expect(rosterKey('t', 'u')).toEqual({ pk: 'TEAM#t', sk: 'MEMBER#u' });
    expect(processingLogKey('h', '2026', 'l')).toEqual({ pk: 'LOG#h', sk: '2026#l' });
    expect(householdKey('h')).toEqual({ pk: 'HH#h', sk: 'HOUSEHOLD' });
  });
});

describe('intake store on DynamoDB Local', () => {
  let store: IntakeStore;
  let table: Awaited<ReturnType<typeof freshTable>>;

  beforeAll(async () => {
    table = await freshTable();
    store = dynamoIntakeStore(table.db, table.tableName);
  });

  const exists = async ({ pk, sk }: { pk: string; sk: string }) =>
    (await table.db.send(new GetCommand({ TableName: table.tableName, Key: { pk, sk } }))).Item !== undefined;

  it('registers a new household with its look-ups, and finds it by BSN and by address', async () => {
    const h = household();
    await store.registerWithNewHousehold({
      household: h,
      intake: intakeFor(h.id),
      bsnHashes: ['h-jan-1'],
      addressHash: 'addr-1',
      log: logLine(h.id),
      counters: [],
      tasks: [],
    });
    expect(await store.findHouseholdMatches(['unknown', 'h-jan-1'], 'addr-1')).toEqual({
      byBsn: [{ bsnHash: 'h-jan-1', householdId: h.id }],
      byAddress: h.id,
    });
    expect(await store.getHousehold(h.id)).toEqual(h);
  });

  it('refuses a second household for a taken look-up, writing nothing of it', async () => {
    const first = household();
    await store.registerWithNewHousehold({
      household: first,
      intake: intakeFor(first.id),
      bsnHashes: ['h-2'],
      addressHash: 'addr-2',
      log: logLine(first.id),
      counters: [],
      tasks: [],
    });
    const second = household();
    const intake = intakeFor(second.id);
    await expect(
      store.registerWithNewHousehold({
        household: second,
        intake,
        bsnHashes: ['h-2'],
        addressHash: 'addr-other',
        log: logLine(second.id),
        counters: [],
        tasks: [],
      }),
    ).rejects.toBeInstanceOf(ConcurrentChange);
    expect(await exists(householdKey(second.id))).toBe(false);
    expect(await exists(addressLookupKey('addr-other'))).toBe(false);
    expect(await exists(intakeItem(intake))).toBe(false);
  });

  it('adds a person once, however many registrations add them at once; other people never contend', async () => {
    const h = household();
    await store.registerWithNewHousehold({
      household: h,
      intake: intakeFor(h.id),
      bsnHashes: [],
      addressHash: 'addr-3',
      log: logLine(h.id),
      counters: [],
      tasks: [],
    });
    const pien = { id: newId(), name: 'Pien', birthDate: '2016-01-01', role: 'child' as const };
    await store.registerInExistingHousehold({
      household: h,
      addedMembers: [pien],
      now,
      newBsnHashes: [],
      intake: intakeFor(h.id),
      log: logLine(h.id),
      counters: [],
      tasks: [],
    });
    // A writer that read the household before Pien was added, and adds her too, has lost.
    await expect(
      store.registerInExistingHousehold({
        household: h,
        addedMembers: [{ ...pien, id: newId(), name: ' pien ' }],
        now,
        newBsnHashes: [],
        intake: intakeFor(h.id),
        log: logLine(h.id),
        counters: [],
        tasks: [],
      }),
    ).rejects.toBeInstanceOf(ConcurrentChange);
    // One that adds someone else from the same old read is fine.
    await store.registerInExistingHousehold({
      household: h,
      addedMembers: [{ ...pien, id: newId(), name: 'Kees' }],
      now,
      newBsnHashes: [],
      intake: intakeFor(h.id),
      log: logLine(h.id),
      counters: [],
      tasks: [],
    });
    const stored = await store.getHousehold(h.id);
    expect(stored?.members.map((m) => m.name)).toEqual(['Jan', 'Pien', 'Kees']);
    expect(stored?.version).toBe(3);
    expect(Object.keys(stored ?? {}).some((name) => name.includes('#'))).toBe(false);
    // An intake that adds nobody needs no particular version.
    await store.registerInExistingHousehold({
      household: h,
      addedMembers: [],
      now,
      newBsnHashes: [],
      intake: intakeFor(h.id),
      log: logLine(h.id),
      counters: [],
      tasks: [],
    });
    expect((await store.getHousehold(h.id))?.version).toBe(3);
  });

  it('refuses an intake for a closed household', async () => {
    const h = household({ status: 'closed' });
    await store.registerWithNewHousehold({
      household: h,
      intake: intakeFor(h.id),
      bsnHashes: [],
      addressHash: 'addr-4',
      log: logLine(h.id),
      counters: [],
      tasks: [],
    });
    await expect(
      store.registerInExistingHousehold({
        household: h,
        addedMembers: [],
        now,
        newBsnHashes: [],
        intake: intakeFor(h.id),
        log: logLine(h.id),
        counters: [],
        tasks: [],
      }),
    ).rejects.toBeInstanceOf(ConcurrentChange);
  });

  it('triages an open intake once', async () => {
    const h = household();
    const intake = intakeFor(h.id);
    await store.registerWithNewHousehold({
      household: h,
      intake,
      bsnHashes: [],
      addressHash: 'addr-5',
      log: logLine(h.id),
      counters: [],
      tasks: [],
    });
    const triaged: Intake = { ...intake, status: 'triaged', triage: { outcome: 'referred_external', triagedAt: now, triagedBy: 'anna' } };
    await store.saveTriage({
      intake: triaged,
      householdNeedsPlan: true,
      now,
      log: logLine(h.id),
      counters: [],
      doneTasks: [],
      newTasks: [],
    });
    await expect(
      store.saveTriage({ intake: triaged, householdNeedsPlan: false, now, log: logLine(h.id), counters: [], doneTasks: [], newTasks: [] }),
    ).rejects.toBeInstanceOf(ConcurrentChange);
    const found = await store.getIntake(h.id, intake.id);
    expect(found.intake?.triage?.outcome).toBe('referred_external');
    expect(found.household?.needsPlan).toBe(true);
  });
});

describe('roster store on DynamoDB Local', () => {
  it('records a professional in each of their teams and lists a team', async () => {
    const { db, tableName } = await freshTable();
    const roster = dynamoRosterStore(db, tableName);
    await roster.record({ userId: 'kees', name: 'Kees', roles: ['wijkcoach'], teams: ['a', 'b'] }, now);
    await roster.record({ userId: 'anna', roles: ['intaker'], teams: ['a'] }, now);
    expect((await roster.listTeam('a')).map((m) => m.userId).sort()).toEqual(['anna', 'kees']);
    expect(await roster.listTeam('b')).toEqual([{ teamId: 'b', userId: 'kees', name: 'Kees', roles: ['wijkcoach'], lastSeenAt: now }]);
  });
});
