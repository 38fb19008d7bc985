import { describe, expect, it } from 'vitest';
import { type Intake, teamsSeeingNewIntake, triageIntake } from '#shared/domain/intake.ts';
import type { DomainError } from '#shared/errors.ts';
import { cities, runtimeConfigOf } from '../../infra/cities.ts';

const city = runtimeConfigOf(cities.enschede);
const now = '2026-11-22T10:00:00.000Z';

const openIntake: Intake = {
  id: 'h.i',
  householdId: 'h',
  teamId: 'velve-lindenhof',
  channel: 'walk_in',
  urgency: 'normal',
  question: 'story',
  domains: ['finances'],
  status: 'open',
  visibleToTeams: ['velve-lindenhof'],
  createdAt: now,
  createdBy: 'anna',
};

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('routing a new intake', () => {
  it('shows an acute intake to the interventieteam from registration', () => {
    expect(teamsSeeingNewIntake('velve-lindenhof', 'acute', city)).toEqual(['velve-lindenhof', 'interventieteam']);
    expect(teamsSeeingNewIntake('velve-lindenhof', 'normal', city)).toEqual(['velve-lindenhof']);
  });
});

describe('triage', () => {
  it('resolves an intake with a resolution', () => {
    const { intake, householdNeedsPlan } = triageIntake(
      openIntake,
      { outcome: 'resolved_by_intaker', resolution: 'Pointed to the food bank' },
      city,
      'anna',
      now,
    );
    expect(intake.status).toBe('triaged');
    expect(intake.triage).toEqual({
      outcome: 'resolved_by_intaker',
      resolution: 'Pointed to the food bank',
      triagedAt: now,
      triagedBy: 'anna',
    });
    expect(householdNeedsPlan).toBe(false);
  });

  it('needs a resolution to resolve, and a coach and complexity to refer to a coach', () => {
    const noResolution = refusal(() => triageIntake(openIntake, { outcome: 'resolved_by_intaker' }, city, 'anna', now));
    expect(noResolution.status).toBe(400);
    expect(noResolution.invalidParams.map((p) => p.name)).toEqual(['resolution']);
    const noCoach = refusal(() => triageIntake(openIntake, { outcome: 'referred_to_coach' }, city, 'anna', now));
    expect(noCoach.invalidParams.map((p) => p.name)).toEqual(['coachId', 'complexity']);
  });

  it('refuses a coach or complexity on other outcomes', () => {
    const error = refusal(() => triageIntake(openIntake, { outcome: 'referred_external', coachId: 'kees' }, city, 'anna', now));
    expect(error.invalidParams).toEqual([expect.objectContaining({ name: 'coachId', code: 'not_allowed' })]);
  });

  it('marks a household with a complex case as needing a plan', () => {
    const complex = triageIntake(openIntake, { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'complex' }, city, 'anna', now);
    const simple = triageIntake(openIntake, { outcome: 'referred_to_coach', coachId: 'kees', complexity: 'simple' }, city, 'anna', now);
    expect(complex.householdNeedsPlan).toBe(true);
    expect(simple.householdNeedsPlan).toBe(false);
  });

  it('hands an intake referred to the interventieteam to that team', () => {
    const { intake } = triageIntake(openIntake, { outcome: 'referred_to_interventieteam' }, city, 'anna', now);
    expect(intake.visibleToTeams).toEqual(['velve-lindenhof', 'interventieteam']);
  });

  it('refuses a second triage with a conflict', () => {
    const { intake } = triageIntake(openIntake, { outcome: 'referred_external' }, city, 'anna', now);
    expect(refusal(() => triageIntake(intake, { outcome: 'referred_external' }, city, 'anna', now)).status).toBe(409);
  });
});
