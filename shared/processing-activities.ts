/**
 * The register of processing activities (verwerkingsregister, AVG art. 30), after the Logboek
 * Dataverwerkingen: every processing-log line names the activity it was part of, and the
 * register says what that activity is for and on which legal basis. A change of purpose or
 * legal basis is a new version of the entry; lines keep the version they were written under.
 */
export const PROCESSING_ACTIVITY_IDS = [
  'intake-registration',
  'triage',
  'case-management',
  'household-records',
  'assessment',
  'care-planning',
  'doorbraak',
  'search',
  'work-list',
  'subject-access',
  'accountability',
  'vroegsignalering',
  'outreach',
  'journal',
  'involved-parties',
  'consent',
  'disclosure',
  'disclosure-safety',
  'disclosure-debt-help',
  'disclosure-youth-protection',
  'break-glass',
  'resident-access',
  'brp-lookup',
] as const;
export type ProcessingActivityId = (typeof PROCESSING_ACTIVITY_IDS)[number];

export interface ProcessingActivity {
  id: ProcessingActivityId;
  name: string;
  purpose: string;
  legalBasis: string;
  /** How long the data processed is kept, in words (the household's retention, or the log's). */
  retention: string;
  version: number;
  /**
   * Whether its legal basis allows data to be handed to another organisation without a consent
   * (v1.2 rule 16): a disclosure may name such an activity as its basis, and no other.
   */
  disclosure: boolean;
}

/** An entry as the shared register and a city's configuration write it: `disclosure` left out is false. */
export type RegisterEntry = Omit<ProcessingActivity, 'disclosure'> & { disclosure?: boolean };

/** The register as it stands: the latest version of each entry. */
export function currentRegister(register: readonly ProcessingActivity[]): ProcessingActivity[] {
  const latest = new Map<string, ProcessingActivity>();
  for (const entry of register) {
    const known = latest.get(entry.id);
    if (!known || entry.version > known.version) latest.set(entry.id, entry);
  }
  return PROCESSING_ACTIVITY_IDS.flatMap((id) => latest.get(id) ?? []);
}

/** The current entry of an activity; a route naming one the city's register lacks is a configuration error. */
export function activityOf(register: readonly ProcessingActivity[], id: ProcessingActivityId): ProcessingActivity {
  const entry = currentRegister(register).find((activity) => activity.id === id);
  if (!entry) throw new Error(`the register of processing activities has no entry ${id}`);
  return entry;
}
