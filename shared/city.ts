import type { RegisterEntry } from './processing-activities.ts';

export const TEAM_KINDS = ['wijkteam', 'interventieteam', 'doorbraakteam'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export interface Team {
  id: string;
  name: string;
  kind: TeamKind;
  neighbourhoods: string[];
  /** A wijkteam's postcode areas (PC4): a signal for an address in one goes to this team (vroegsignalering). */
  postcodeAreas?: string[];
}

export const PARTNER_KINDS = ['housing_corporation', 'energy_company', 'water_company', 'health_insurer'] as const;

/** An organisation that sends signals of payment arrears (vroegsignalering): a machine client, never a person. */
export interface Partner {
  /** Its client id: the `client_id` of its access tokens. */
  id: string;
  name: string;
  kind: (typeof PARTNER_KINDS)[number];
}

export interface Money {
  amount: number;
  currency: 'EUR';
}

/**
 * The part of a city's configuration that the functions need at run time (infra/cities.ts
 * derives it with runtimeConfigOf). The stack passes it to every function as the `CITY_CONFIG`
 * environment variable, so a function never depends on the CDK code that defines the cities.
 */
export interface CityRuntimeConfig {
  cityId: string;
  name: string;
  teams: Team[];
  decisionSlaHours: number;
  doorbraakBudgetThreshold: Money;
  defaultEvaluationPeriodDays: number;
  retentionDays: number;
  partners: Partner[];
  /** Where a signal goes that neither a household nor a postcode area places: a wijkteam. */
  defaultIntakeTeamId: string;
  /** Calendar days from a signal's receipt within which the team should have reached out (the outreach task's due date). */
  outreachPeriodDays: number;
  /** Months after which a signal that led to no help expires (domain rule 13). */
  signalRetentionMonths: number;
  /** The city's own versions of entries of the register of processing activities (shared/processing-register.ts holds the rest). */
  processingActivities?: RegisterEntry[];
}

export function findTeam(city: CityRuntimeConfig, teamId: string): Team | undefined {
  return city.teams.find((team) => team.id === teamId);
}

/** Every city has exactly one interventieteam; the city configuration test guarantees it. */
export function interventieteamOf(city: CityRuntimeConfig): Team {
  const team = city.teams.find((t) => t.kind === 'interventieteam');
  if (!team) throw new Error(`city ${city.cityId} has no interventieteam`);
  return team;
}

/** The wijkteam whose postcode areas (PC4) hold a Dutch postcode, if any. */
export function teamOfPostcodeArea(city: CityRuntimeConfig, postcode: string): Team | undefined {
  const area = postcode.slice(0, 4);
  return city.teams.find((team) => team.kind === 'wijkteam' && team.postcodeAreas?.includes(area));
}
