import type { Principal } from '../auth.ts';
import type { CityRuntimeConfig } from '../city.ts';
import type { Household, HouseholdMatches, HouseholdMember } from '../domain/household.ts';
import type { Intake } from '../domain/intake.ts';
import type { ProcessingLogLine } from '../processing-log.ts';

/**
 * The ports the use cases need. Adapters (shared/db) implement them; use cases never import
 * an adapter, and handlers pass the adapters in.
 */

/** Raised by a store when a conditional write lost a race; the use case reads again and retries. */
export class ConcurrentChange extends Error {
  constructor(what: string) {
    super(`concurrent change: ${what}`);
    this.name = 'ConcurrentChange';
  }
}

/** Keyed hashing (HMAC) of identifying values, so they can be looked up but never read back. */
export interface LookupHasher {
  bsn(bsn: string): string;
  address(normalizedAddress: string): string;
}

export interface RosterEntry {
  teamId: string;
  userId: string;
  name?: string;
  roles: string[];
  lastSeenAt: string;
}

export interface IntakeStore {
  /** One request: all look-ups at once. */
  findHouseholdMatches(bsnHashes: string[], addressHash: string): Promise<HouseholdMatches>;
  getHousehold(householdId: string): Promise<Household | undefined>;
  /** One transaction; ConcurrentChange when a look-up was taken meanwhile. */
  registerWithNewHousehold(change: {
    household: Household;
    intake: Intake;
    bsnHashes: string[];
    addressHash: string;
    log: ProcessingLogLine;
  }): Promise<void>;
  /**
   * One transaction. Adding members needs the household unchanged since it was read
   * (ConcurrentChange otherwise); an intake that adds nobody only needs it still open, so
   * intakes for one household do not contend.
   */
  registerInExistingHousehold(change: {
    household: Household;
    addedMembers: HouseholdMember[];
    now: string;
    newBsnHashes: string[];
    intake: Intake;
    log: ProcessingLogLine;
  }): Promise<void>;
  /** One request: the intake, its household and the given roster entries. */
  getIntake(
    householdId: string,
    intakeKey: string,
    rosterChecks?: { teamId: string; userId: string }[],
  ): Promise<{ intake?: Intake; household?: Household; rosterHits: { teamId: string; userId: string }[] }>;
  /** One transaction; ConcurrentChange when the intake is no longer open. */
  saveTriage(change: { intake: Intake; householdNeedsPlan: boolean; now: string; log: ProcessingLogLine }): Promise<void>;
  appendProcessingLog(line: ProcessingLogLine): Promise<void>;
}

export interface RosterStore {
  record(principal: Principal, now: string): Promise<void>;
  listTeam(teamId: string): Promise<RosterEntry[]>;
}

export interface Clock {
  now(): Date;
}

export interface IntakePorts {
  store: IntakeStore;
  hasher: LookupHasher;
  city: CityRuntimeConfig;
}
