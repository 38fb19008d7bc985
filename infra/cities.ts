import type { CityRuntimeConfig, Money, Partner, Team } from '#shared/city.ts';
import type { ProcessingActivity } from '#shared/processing-activities.ts';

export type CityId = 'enschede' | 'almelo' | 'haarlem' | 'den-haag';

export interface CityConfig {
  id: CityId;
  name: string;
  /** CBS municipality code (gemeentecode). */
  municipalityCode: string;
  /** Personal data of residents stays in the EU. */
  region: `eu-${string}`;
  teams: Team[];
  /** Origins of the web clients allowed by CORS. */
  webOrigins: string[];
  /** How long the doorbraakteam may take to decide before an escalation is overdue. */
  decisionSlaHours: number;
  /** Above this cost a doorbraak also needs a budget holder's approval. */
  doorbraakBudgetThreshold: Money;
  defaultEvaluationPeriodDays: number;
  /** How long a closed household's data is kept before it expires. */
  retentionDays: number;
  alarmEmail: string;
  /** The organisations that send signals of payment arrears (vroegsignalering), each a machine client of the city's user pool. */
  partners: Partner[];
  /** The city's own versions of entries of the register of processing activities (shared/processing-register.ts). */
  processingActivities?: ProcessingActivity[];
}

const euro = (amount: number): Money => ({ amount, currency: 'EUR' });

const cityWideTeams = (): Team[] => [
  { id: 'interventieteam', name: 'Interventieteam', kind: 'interventieteam', neighbourhoods: [] },
  { id: 'doorbraakteam', name: 'Doorbraakteam', kind: 'doorbraakteam', neighbourhoods: [] },
];

const wijkteam = (id: string, name: string, neighbourhoods: string[]): Team => ({
  id,
  name,
  kind: 'wijkteam',
  neighbourhoods,
});

/**
 * The four cities of the seeds. Teams come from the seed texts where they name them
 * (Enschede's pilot teams and priority districts, Almelo's pilot neighbourhoods) and
 * from the city's districts (stadsdelen) where they do not.
 */
export const cities: Record<CityId, CityConfig> = {
  enschede: {
    id: 'enschede',
    name: 'Enschede',
    municipalityCode: 'GM0153',
    region: 'eu-central-1',
    teams: [
      wijkteam('velve-lindenhof', 'Wijkteam Velve-Lindenhof', ['Velve-Lindenhof']),
      wijkteam('dolphia-glanerbrug-noord', 'Wijkteam Dolphia/Glanerbrug-Noord', ['Dolphia', 'Glanerbrug-Noord']),
      wijkteam('pathmos', 'Wijkteam Pathmos', ['Pathmos']),
      wijkteam('wesselerbrink', 'Wijkteam Wesselerbrink', ['Wesselerbrink']),
      wijkteam('twekkelerveld', 'Wijkteam Twekkelerveld', ['Twekkelerveld']),
      wijkteam('binnenstad', 'Wijkteam Binnenstad', ['Binnenstad']),
      ...cityWideTeams(),
    ],
    webOrigins: ['https://wijkteams.enschede.nl'],
    decisionSlaHours: 72,
    doorbraakBudgetThreshold: euro(5000),
    defaultEvaluationPeriodDays: 90,
    retentionDays: 15 * 365,
    alarmEmail: 'wijkteams-beheer@enschede.nl',
    // Menzis from the Enschede 2019 seed; Domijn and Vitens as Enschede's housing corporation and water company.
    partners: [
      { id: 'menzis', name: 'Menzis', kind: 'health_insurer' },
      { id: 'domijn', name: 'Domijn', kind: 'housing_corporation' },
      { id: 'vitens', name: 'Vitens', kind: 'water_company' },
    ],
  },
  almelo: {
    id: 'almelo',
    name: 'Almelo',
    municipalityCode: 'GM0141',
    region: 'eu-central-1',
    teams: [
      wijkteam('windmolenbroek', 'Wijkteam Windmolenbroek', ['Windmolenbroek']),
      wijkteam('nieuwstraatkwartier', 'Wijkteam Nieuwstraatkwartier', ['Nieuwstraatkwartier']),
      ...cityWideTeams(),
    ],
    webOrigins: ['https://wijkteams.almelo.nl'],
    decisionSlaHours: 72,
    doorbraakBudgetThreshold: euro(2500),
    defaultEvaluationPeriodDays: 90,
    retentionDays: 15 * 365,
    alarmEmail: 'wijkteams-beheer@almelo.nl',
    partners: [
      { id: 'menzis', name: 'Menzis', kind: 'health_insurer' },
      { id: 'sint-joseph', name: 'Woningstichting Sint Joseph', kind: 'housing_corporation' },
      { id: 'vitens', name: 'Vitens', kind: 'water_company' },
    ],
  },
  haarlem: {
    id: 'haarlem',
    name: 'Haarlem',
    municipalityCode: 'GM0392',
    region: 'eu-central-1',
    teams: [
      wijkteam('centrum', 'Sociaal wijkteam Centrum', ['Centrum']),
      wijkteam('noord', 'Sociaal wijkteam Noord', ['Noord']),
      wijkteam('oost', 'Sociaal wijkteam Oost', ['Oost']),
      wijkteam('schalkwijk', 'Sociaal wijkteam Schalkwijk', ['Schalkwijk']),
      wijkteam('zuid-west', 'Sociaal wijkteam Zuid-West', ['Zuid-West']),
      ...cityWideTeams(),
    ],
    webOrigins: ['https://wijkteams.haarlem.nl'],
    decisionSlaHours: 120,
    doorbraakBudgetThreshold: euro(5000),
    defaultEvaluationPeriodDays: 90,
    retentionDays: 15 * 365,
    alarmEmail: 'wijkteams-beheer@haarlem.nl',
    partners: [
      { id: 'zilveren-kruis', name: 'Zilveren Kruis', kind: 'health_insurer' },
      { id: 'elan-wonen', name: 'Elan Wonen', kind: 'housing_corporation' },
      { id: 'pwn', name: 'PWN', kind: 'water_company' },
    ],
  },
  'den-haag': {
    id: 'den-haag',
    name: 'Den Haag',
    municipalityCode: 'GM0518',
    region: 'eu-central-1',
    teams: [
      wijkteam('centrum', 'Wijkteam Centrum', ['Centrum']),
      wijkteam('escamp', 'Wijkteam Escamp', ['Escamp']),
      wijkteam('laak', 'Wijkteam Laak', ['Laak']),
      wijkteam('loosduinen', 'Wijkteam Loosduinen', ['Loosduinen']),
      wijkteam('scheveningen', 'Wijkteam Scheveningen', ['Scheveningen']),
      wijkteam('segbroek', 'Wijkteam Segbroek', ['Segbroek']),
      wijkteam('haagse-hout', 'Wijkteam Haagse Hout', ['Haagse Hout']),
      wijkteam('leidschenveen-ypenburg', 'Wijkteam Leidschenveen-Ypenburg', ['Leidschenveen', 'Ypenburg']),
      ...cityWideTeams(),
    ],
    webOrigins: ['https://wijkteams.denhaag.nl'],
    decisionSlaHours: 72,
    doorbraakBudgetThreshold: euro(10000),
    defaultEvaluationPeriodDays: 90,
    retentionDays: 15 * 365,
    alarmEmail: 'wijkteams-beheer@denhaag.nl',
    partners: [
      { id: 'zilveren-kruis', name: 'Zilveren Kruis', kind: 'health_insurer' },
      { id: 'haag-wonen', name: 'Haag Wonen', kind: 'housing_corporation' },
      { id: 'dunea', name: 'Dunea', kind: 'water_company' },
    ],
  },
};

export const cityIds = Object.keys(cities) as CityId[];

export function cityConfig(id: string | undefined): CityConfig {
  if (id && Object.hasOwn(cities, id)) return cities[id as CityId];
  throw new Error(`Unknown city "${id ?? ''}". Known cities: ${cityIds.join(', ')}.`);
}

export function runtimeConfigOf(city: CityConfig): CityRuntimeConfig {
  return {
    cityId: city.id,
    name: city.name,
    teams: city.teams,
    decisionSlaHours: city.decisionSlaHours,
    doorbraakBudgetThreshold: city.doorbraakBudgetThreshold,
    defaultEvaluationPeriodDays: city.defaultEvaluationPeriodDays,
    retentionDays: city.retentionDays,
    partners: city.partners,
    ...(city.processingActivities ? { processingActivities: city.processingActivities } : {}),
  };
}
