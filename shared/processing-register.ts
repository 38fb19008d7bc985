import type { CityRuntimeConfig } from './city.ts';
import type { ProcessingActivity } from './processing-activities.ts';

/**
 * A city's register: the shared entries below, and the versions the city's configuration adds
 * (a changed purpose or legal basis is a new version there). The shared text is code rather
 * than configuration because a Lambda function's environment holds at most 4 KB.
 */
export function registerOf(
  city: Pick<CityRuntimeConfig, 'retentionDays' | 'processingActivities'> & Partial<Pick<CityRuntimeConfig, 'signalRetentionMonths'>>,
): ProcessingActivity[] {
  return [...sharedRegister(Math.round(city.retentionDays / 365), city.signalRetentionMonths ?? 9), ...(city.processingActivities ?? [])];
}

/**
 * The register of processing activities every city starts from (AVG art. 30). Legal bases are
 * the Dutch social-domain laws the wijkteams work under; retention follows the city's retention
 * of case files.
 */
function sharedRegister(retentionYears: number, signalRetentionMonths: number): ProcessingActivity[] {
  const caseFiles = `${retentionYears} years after the household's case is closed`;
  const signals = `${signalRetentionMonths} months after receipt, unless help is accepted (then as the household's case file)`;
  return [
    {
      id: 'intake-registration',
      name: 'Registration of a request for help',
      purpose: "Registering a resident's request for help once, with their own story, and linking it to their household",
      legalBasis: 'Wmo 2015 art. 2.3.2; Jeugdwet art. 2.3; Participatiewet art. 7 (AVG art. 6(1)(e), 9(2)(h))',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'triage',
      name: 'Triage of a request for help',
      purpose: 'Deciding whether a request is resolved at once or referred, and to whom',
      legalBasis: 'Wmo 2015 art. 2.3.2; Jeugdwet art. 2.3 (AVG art. 6(1)(e))',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'case-management',
      name: 'Case management of a household',
      purpose: 'Reading and steering a household’s case: the dossier, the caseload, the regisseur, a transfer, closing',
      legalBasis: 'Wmo 2015 art. 2.3.2, 5.1.1; Jeugdwet art. 7.4.0 (AVG art. 6(1)(e), 9(2)(h))',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'household-records',
      name: 'Keeping household data right',
      purpose: "Correcting a household's address, members and legal representatives",
      legalBasis: 'AVG art. 5(1)(d), 16; Wmo 2015 art. 5.1.1',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'assessment',
      name: 'Assessment of self-reliance (ZRM)',
      purpose: "Scoring a household's self-reliance per life domain to plan and evaluate support",
      legalBasis: 'Wmo 2015 art. 2.3.2 (AVG art. 6(1)(e), 9(2)(h))',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'care-planning',
      name: 'One household, one plan',
      purpose: "Writing, agreeing and carrying out the household's one plan",
      legalBasis: 'Wmo 2015 art. 2.3.2; Jeugdwet art. 2.3; Participatiewet art. 7 (AVG art. 6(1)(e), 9(2)(h))',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'doorbraak',
      name: 'Doorbraak: a tailored exception',
      purpose: 'Deciding on and carrying out an exception to rules that block a household’s plan',
      legalBasis: 'Wmo 2015 art. 2.3.5; Participatiewet art. 18 (maatwerk) (AVG art. 6(1)(e))',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'search',
      name: 'Finding a household',
      purpose: 'Finding whether a resident is already known to their own team, so the story is told once',
      legalBasis: 'Wmo 2015 art. 5.1.1 (AVG art. 6(1)(e))',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'work-list',
      name: 'The professionals’ work list',
      purpose: 'Showing professionals what is due from them on the households they work for',
      legalBasis: 'Wmo 2015 art. 2.3.2 (AVG art. 6(1)(e))',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'subject-access',
      name: 'Subject access request',
      purpose: 'Giving a resident everything held on them',
      legalBasis: 'AVG art. 15, 6(1)(c)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'accountability',
      name: 'Accountability for processing',
      purpose: "Showing who processed a household's data, when and why",
      legalBasis: 'AVG art. 5(2), 30, 32',
      retention: 'as long as the processing log (it outlives the case file)',
      version: 1,
    },
    {
      id: 'vroegsignalering',
      name: 'Receipt of a signal of payment arrears',
      purpose:
        'Receiving signals of rent, energy, water and health-insurance arrears from partners, to offer help before debts pile up, and telling the partner whether help was accepted',
      legalBasis: 'Wet gemeentelijke schuldhulpverlening art. 3a; Besluit gemeentelijke schuldhulpverlening (AVG art. 6(1)(c))',
      retention: signals,
      version: 1,
    },
    {
      id: 'outreach',
      name: 'Outreach after a signal',
      purpose: 'Reaching out to a household after a signal (visits, letters, calls) and recording whether help was accepted',
      legalBasis: 'Wet gemeentelijke schuldhulpverlening art. 3a (AVG art. 6(1)(e))',
      retention: signals,
      version: 1,
    },
    {
      id: 'journal',
      name: 'Recording case work (verslaglegging)',
      purpose:
        'Writing down what happened in a household’s case (conversations, home visits, calls, letters, consultations) and reading it back, with the household’s timeline',
      legalBasis: 'Wmo 2015 art. 2.3.2, 5.1.1; Jeugdwet art. 7.4.0; WGBO art. 7:454 BW for the care file (AVG art. 6(1)(e), 9(2)(h))',
      retention: caseFiles,
      version: 1,
    },
  ];
}
