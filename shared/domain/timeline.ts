/**
 * The household's timeline (v1.2): its journal entries and every event the system recorded
 * about it, in one list, newest first.
 *
 * The events are the household's own processing-log lines of its changes: every change of
 * household data already writes one in the change's own transaction (the Logboek
 * Dataverwerkingen), with who, what, when and on which resource. The timeline reads them
 * (through an index of the changes only, beside the journal's entries) rather than keeping a
 * second record of the same fact; a change that is not logged could not be an event either.
 * This file names each change in Dutch words, from its action and resource.
 */
import type { ProcessingAction } from '../processing-log.ts';

export type TimelineRefType =
  | 'household'
  | 'intake'
  | 'plan'
  | 'assessment'
  | 'member'
  | 'escalation'
  | 'journal'
  | 'consent'
  | 'disclosure'
  | 'grant';

export interface TimelineEvent {
  event: string;
  summary: string;
  ref: { type: TimelineRefType; id: string };
}

interface EventRule {
  action: ProcessingAction;
  /** The resource, with `(id)` for the household's, an intake's, an escalation's or a member's id. */
  resource: RegExp;
  event: string;
  summary: string;
  ref: TimelineRefType;
  /** When a change is recorded under another activity than its route's own (help accepted registers an intake). */
  activity?: string;
}

const ID = '([A-Za-z0-9_.-]+)';
const on = (pattern: string) => new RegExp(`^${pattern.replaceAll('(id)', ID)}$`);

/** Every change a household's log can hold, by its action and resource; the first rule that fits names it. */
const RULES: EventRule[] = [
  {
    action: 'create',
    resource: on('/intakes/(id)'),
    activity: 'outreach',
    event: 'signal_help_accepted',
    summary: 'Hulp aanvaard na een signaal: aanmelding geregistreerd',
    ref: 'intake',
  },
  { action: 'create', resource: on('/intakes/(id)'), event: 'intake_registered', summary: 'Aanmelding geregistreerd', ref: 'intake' },
  { action: 'update', resource: on('/intakes/(id)/triage'), event: 'intake_triaged', summary: 'Aanmelding getrieerd', ref: 'intake' },
  {
    action: 'update',
    resource: on('/households/(id)/regisseur'),
    event: 'regisseur_appointed',
    summary: 'Regisseur aangesteld',
    ref: 'household',
  },
  {
    action: 'update',
    resource: on('/households/(id)/transfer'),
    event: 'household_transferred',
    summary: 'Overgedragen aan een ander team',
    ref: 'household',
  },
  {
    action: 'update',
    resource: on('/households/(id)/close'),
    event: 'household_closed',
    summary: 'Huishouden afgesloten',
    ref: 'household',
  },
  {
    action: 'create',
    resource: on('/households/(id)/assessments'),
    event: 'assessment_recorded',
    summary: 'ZRM-meting vastgelegd',
    ref: 'assessment',
  },
  { action: 'create', resource: on('/households/(id)/plan'), event: 'plan_created', summary: 'Plan opgesteld', ref: 'plan' },
  {
    action: 'update',
    resource: on('/households/(id)/plan/agreement'),
    event: 'plan_agreed',
    summary: 'Plan afgesproken met het huishouden',
    ref: 'plan',
  },
  { action: 'update', resource: on('/households/(id)/plan/close'), event: 'plan_closed', summary: 'Plan afgesloten', ref: 'plan' },
  {
    action: 'update',
    resource: on('/households/(id)/plan/actions/(id)/completion'),
    event: 'plan_action_done',
    summary: 'Actie uit het plan afgerond',
    ref: 'plan',
  },
  { action: 'update', resource: on('/households/(id)/plan'), event: 'plan_changed', summary: 'Plan gewijzigd', ref: 'plan' },
  {
    action: 'update',
    resource: on('/households/(id)/address'),
    event: 'address_corrected',
    summary: 'Adres gecorrigeerd',
    ref: 'household',
  },
  { action: 'update', resource: on('/households/(id)/members'), event: 'member_added', summary: 'Gezinslid toegevoegd', ref: 'household' },
  {
    action: 'update',
    resource: on('/households/(id)/members/(id)'),
    event: 'member_corrected',
    summary: 'Gegevens van een gezinslid gewijzigd',
    ref: 'member',
  },
  {
    action: 'update',
    resource: on('/households/(id)/involved/(id)/end'),
    event: 'involved_ended',
    summary: 'Betrokkene niet meer betrokken',
    ref: 'household',
  },
  {
    action: 'update',
    resource: on('/households/(id)/involved/(id)'),
    event: 'involved_changed',
    summary: 'Gegevens van een betrokkene gewijzigd',
    ref: 'household',
  },
  {
    action: 'update',
    resource: on('/households/(id)/involved'),
    event: 'involved_added',
    summary: 'Betrokkene toegevoegd',
    ref: 'household',
  },
  {
    action: 'create',
    resource: on('/households/(id)/consents/(id)'),
    event: 'consent_given',
    summary: 'Toestemming vastgelegd',
    ref: 'consent',
  },
  {
    action: 'update',
    resource: on('/households/(id)/consents/(id)/withdrawal'),
    event: 'consent_withdrawn',
    summary: 'Toestemming ingetrokken',
    ref: 'consent',
  },
  {
    action: 'disclose',
    resource: on('/households/(id)/disclosures/(id)'),
    event: 'disclosed',
    summary: 'Gegevens verstrekt',
    ref: 'disclosure',
  },
  {
    action: 'create',
    resource: on('/households/(id)/escalations'),
    event: 'escalation_submitted',
    summary: 'Doorbraak aangevraagd',
    ref: 'household',
  },
  {
    action: 'update',
    resource: on('/escalations/(id)/decision'),
    event: 'escalation_decided',
    summary: 'Besluit over de doorbraak',
    ref: 'escalation',
  },
  {
    action: 'update',
    resource: on('/escalations/(id)/information'),
    event: 'escalation_information',
    summary: 'Gevraagde informatie voor de doorbraak gegeven',
    ref: 'escalation',
  },
  {
    action: 'create',
    resource: on('/break-glass/(id)'),
    event: 'break_glass',
    summary: 'Noodtoegang genomen door het interventieteam',
    ref: 'grant',
  },
  {
    action: 'update',
    resource: on('/break-glass/(id)/review'),
    event: 'break_glass_reviewed',
    summary: 'Noodtoegang beoordeeld door de teamleider',
    ref: 'grant',
  },
  {
    action: 'update',
    resource: on('/escalations/(id)/budget-approval'),
    event: 'escalation_budget',
    summary: 'Budget voor de doorbraak beoordeeld',
    ref: 'escalation',
  },
  {
    action: 'update',
    resource: on('/escalations/(id)/evaluation'),
    event: 'escalation_evaluated',
    summary: 'Doorbraak geëvalueerd',
    ref: 'escalation',
  },
  {
    action: 'update',
    resource: on('/escalations/(id)'),
    event: 'escalation_failed',
    summary: 'De doorbraak kon niet verder worden afgehandeld',
    ref: 'escalation',
  },
];

/** A flow's change of the plan (an approved doorbraak recorded on it) reads as what it is, not as someone's edit. */
const FLOW_PLAN: Omit<TimelineEvent, 'ref'> = { event: 'escalation_approved', summary: 'Doorbraak goedgekeurd en in het plan opgenomen' };

/** Whether a line is a change the timeline shows: reads and exports are not events; the journal's entries are there themselves. */
export const isTimelineChange = (line: { action: ProcessingAction; resource: string }): boolean =>
  line.action !== 'read' && line.action !== 'export' && !/\/journal(\/|$)/.test(line.resource);

/** The event a change line records, in Dutch words; undefined for a change the timeline does not know (a test keeps this list complete). */
export function eventOf(
  line: { action: ProcessingAction; resource: string; householdId: string; processingActivityId?: string; receiver?: string },
  byFlow: boolean,
): TimelineEvent | undefined {
  for (const rule of RULES) {
    if (rule.action !== line.action) continue;
    if (rule.activity && rule.activity !== line.processingActivityId) continue;
    const found = rule.resource.exec(line.resource);
    if (!found) continue;
    const id = rule.ref === 'household' || rule.ref === 'plan' || rule.ref === 'assessment' ? line.householdId : (found.at(-1) ?? '');
    if (byFlow && rule.event === 'plan_changed') return { ...FLOW_PLAN, ref: { type: 'plan', id: line.householdId } };
    // A disclosure names whom it went to: an organisation (or, for the household's own circle, the person the household knows).
    const summary = line.receiver && rule.event === 'disclosed' ? `${rule.summary} aan ${line.receiver}` : rule.summary;
    return { event: rule.event, summary, ref: { type: rule.ref, id } };
  }
  return undefined;
}
