/** The 13 domains of the Zelfredzaamheid-Matrix plus the ZRM parenting supplement. */
export const LIFE_DOMAINS = [
  'finances',
  'work_education',
  'time_use',
  'housing',
  'domestic_relations',
  'mental_health',
  'physical_health',
  'substance_use',
  'basic_adl',
  'instrumental_adl',
  'social_network',
  'community_participation',
  'justice',
  'parenting',
] as const;

export type LifeDomain = (typeof LIFE_DOMAINS)[number];

const DOMAIN_NAMES: ReadonlySet<string> = new Set(LIFE_DOMAINS);

/** Whether a key of a record by domain (scores, changes) names one of the life domains. */
export const isLifeDomain = (name: string): name is LifeDomain => DOMAIN_NAMES.has(name);
