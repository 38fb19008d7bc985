import { type CityRuntimeConfig, interventieteamOf } from '../city.ts';
import { conflict, type InvalidParam, invalidInput } from '../errors.ts';
import type { LifeDomain } from './life-domains.ts';

export const CHANNELS = ['walk_in', 'phone', 'email', 'signal', 'referral'] as const;
export type Channel = (typeof CHANNELS)[number];
export const URGENCIES = ['normal', 'acute'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const TRIAGE_OUTCOMES = ['resolved_by_intaker', 'referred_to_coach', 'referred_to_interventieteam', 'referred_external'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];
export type Complexity = 'simple' | 'complex';

/** Channels through which another organisation brings a resident in, and so name a source. */
export const CHANNELS_WITH_SOURCE: readonly Channel[] = ['signal', 'referral'];

export interface IntakeSource {
  organisation: string;
  reference?: string;
}

export interface Triage {
  outcome: TriageOutcome;
  resolution?: string;
  coachId?: string;
  complexity?: Complexity;
  triagedAt: string;
  triagedBy: string;
}

export interface Intake {
  id: string;
  householdId: string;
  teamId: string;
  channel: Channel;
  urgency: Urgency;
  question: string;
  domains: LifeDomain[];
  source?: IntakeSource;
  status: 'open' | 'triaged';
  /** The teams that may see and triage this intake besides the household's own team. */
  visibleToTeams: string[];
  /**
   * Set when the intake matched an open household of another team than the one registering it:
   * it is that team's to triage; the registering team may read the intake, not the household.
   */
  routedToTeamId?: string;
  createdAt: string;
  createdBy: string;
  triage?: Triage;
}

/** An acute intake is the interventieteam's from the moment it is registered. */
export function teamsSeeingNewIntake(teamId: string, urgency: Urgency, city: CityRuntimeConfig): string[] {
  const teams = [teamId];
  if (urgency === 'acute') teams.push(interventieteamOf(city).id);
  return [...new Set(teams)];
}

export interface TriageInput {
  outcome: TriageOutcome;
  resolution?: string;
  coachId?: string;
  complexity?: Complexity;
}

/** The fields each outcome needs, and those it must not carry. */
export function checkTriageFields(input: TriageInput): void {
  const problems: InvalidParam[] = [];
  const missing = (name: string) => problems.push({ name, code: 'required', reason: `required when outcome is ${input.outcome}` });
  const unexpected = (name: string) =>
    problems.push({ name, code: 'not_allowed', reason: `only allowed when outcome is referred_to_coach` });
  if (input.outcome === 'resolved_by_intaker' && !input.resolution) missing('resolution');
  if (input.outcome === 'referred_to_coach') {
    if (!input.coachId) missing('coachId');
    if (!input.complexity) missing('complexity');
  } else {
    if (input.coachId !== undefined) unexpected('coachId');
    if (input.complexity !== undefined) unexpected('complexity');
  }
  if (problems.length > 0) throw invalidInput('The triage is incomplete for its outcome.', problems);
}

export interface TriageResult {
  intake: Intake;
  /** A complex case needs one plan and one regisseur (Den Haag's rule). */
  householdNeedsPlan: boolean;
}

export function triageIntake(intake: Intake, input: TriageInput, city: CityRuntimeConfig, by: string, now: string): TriageResult {
  if (intake.status !== 'open') throw conflict('The intake has already been triaged.');
  checkTriageFields(input);
  const triage: Triage = { outcome: input.outcome, triagedAt: now, triagedBy: by };
  if (input.resolution !== undefined) triage.resolution = input.resolution;
  if (input.coachId !== undefined) triage.coachId = input.coachId;
  if (input.complexity !== undefined) triage.complexity = input.complexity;
  const visibleToTeams =
    input.outcome === 'referred_to_interventieteam'
      ? [...new Set([...intake.visibleToTeams, interventieteamOf(city).id])]
      : intake.visibleToTeams;
  return {
    intake: { ...intake, status: 'triaged', triage, visibleToTeams },
    householdNeedsPlan: input.outcome === 'referred_to_coach' && input.complexity === 'complex',
  };
}
