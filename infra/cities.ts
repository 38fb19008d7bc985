import type { CityRuntimeConfig, Money, Partner, Team } from '#shared/city.ts';
import type { RegisterEntry } from '#shared/processing-activities.ts';

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
  /** Where a signal goes that neither a household nor a wijkteam's postcode areas place. */
  defaultIntakeTeamId: string;
  /** Calendar days within which the team should reach out after a signal. */
  outreachPeriodDays: number;
  /** Months after which a signal that led to no help expires (default 9). */
  signalRetentionMonths?: number;
  /** The city's own versions of entries of the register of processing activities (shared/processing-register.ts). */
  processingActivities?: RegisterEntry[];
  /** The web client's theme: one of the NL Design System (Rijkshuisstijl community) design-token themes. */
  webTheme: WebTheme;
  /**
   * The city's DigiD broker (v1.2 rule 18), federated into the user pool as the OIDC identity
   * provider `DigiD`. Without it the stack serves no resident routes (docs/decisions.md).
   */
  residentBroker?: ResidentBroker;
  /**
   * The city's BRP through Haal Centraal BRP Personen Bevragen 2 (v1.2): its base URL, the name
   * of the Secrets Manager secret holding the API key, and the city's OIN (`x-origin-oin`).
   * Without it `GET /brp/residents` answers 503 `brp_unavailable` and intakes are typed by hand.
   */
  brp?: { url: string; apiKeySecretName: string; originOin: string };
}

/** How the user pool reaches the city's DigiD broker: an OpenID Connect provider of its own choosing. */
export interface ResidentBroker {
  /** The broker's OIDC issuer (https); Cognito discovers its endpoints from `/.well-known/openid-configuration`. */
  issuerUrl: string;
  /** The client id the broker gave the city's user pool. */
  clientId: string;
  /** The name of a Secrets Manager secret (a plain string) holding the broker's client secret; never in the template. */
  clientSecretName: string;
  /** The claim of the broker's ID token (or userinfo) that holds the resident's BSN (default `bsn`). */
  bsnClaim?: string;
}

/** The design-token themes `@rijkshuisstijl-community/design-tokens` ships; the client's CSS reads their variables. */
export const WEB_THEMES = [
  'kern-lintblauw',
  'uitvoerend-groen',
  'uitvoerend-hemelblauw',
  'uitvoerend-lintblauw',
  'uitvoerend-oranje',
  'uitvoerend-paars',
  'uitvoerend-robijnrood',
] as const;
export type WebTheme = (typeof WEB_THEMES)[number];

const euro = (amount: number): Money => ({ amount, currency: 'EUR' });

const cityWideTeams = (): Team[] => [
  { id: 'interventieteam', name: 'Interventieteam', kind: 'interventieteam', neighbourhoods: [] },
  { id: 'doorbraakteam', name: 'Doorbraakteam', kind: 'doorbraakteam', neighbourhoods: [] },
];

const wijkteam = (id: string, name: string, neighbourhoods: string[], postcodeAreas: string[]): Team => ({
  id,
  name,
  kind: 'wijkteam',
  neighbourhoods,
  postcodeAreas,
});

/** domain rule 13: a signal that led to no help is kept this long unless the city says otherwise. */
export const DEFAULT_SIGNAL_RETENTION_MONTHS = 9;

/**
 * The four cities of the seeds. Teams come from the seed texts where they name them
 * (Enschede's pilot teams and priority districts, Almelo's pilot neighbourhoods) and
 * from the city's districts (stadsdelen) where they do not. The wijkteams' postcode areas
 * (PC4) are the city's own to set; the ones here follow each district's postcodes as far as
 * we know them and serve the demo and the tests (a signal for an area nobody holds goes to
 * the default intake team).
 */
export const cities: Record<CityId, CityConfig> = {
  enschede: {
    id: 'enschede',
    name: 'Enschede',
    municipalityCode: 'GM0153',
    region: 'eu-central-1',
    teams: [
      wijkteam('velve-lindenhof', 'Wijkteam Velve-Lindenhof', ['Velve-Lindenhof'], ['7545', '7546']),
      wijkteam('dolphia-glanerbrug-noord', 'Wijkteam Dolphia/Glanerbrug-Noord', ['Dolphia', 'Glanerbrug-Noord'], ['7531', '7532', '7533']),
      wijkteam('pathmos', 'Wijkteam Pathmos', ['Pathmos'], ['7513']),
      wijkteam('wesselerbrink', 'Wijkteam Wesselerbrink', ['Wesselerbrink'], ['7543', '7544']),
      wijkteam('twekkelerveld', 'Wijkteam Twekkelerveld', ['Twekkelerveld'], ['7523', '7524']),
      wijkteam('binnenstad', 'Wijkteam Binnenstad', ['Binnenstad'], ['7511', '7512', '7514']),
      ...cityWideTeams(),
    ],
    webOrigins: ['https://wijkteams.enschede.nl'],
    decisionSlaHours: 72,
    doorbraakBudgetThreshold: euro(5000),
    defaultEvaluationPeriodDays: 90,
    retentionDays: 15 * 365,
    alarmEmail: 'wijkteams-beheer@enschede.nl',
    webTheme: 'uitvoerend-robijnrood',
    defaultIntakeTeamId: 'binnenstad',
    outreachPeriodDays: 10,
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
      wijkteam('windmolenbroek', 'Wijkteam Windmolenbroek', ['Windmolenbroek'], ['7606']),
      wijkteam('nieuwstraatkwartier', 'Wijkteam Nieuwstraatkwartier', ['Nieuwstraatkwartier'], ['7607']),
      ...cityWideTeams(),
    ],
    webOrigins: ['https://wijkteams.almelo.nl'],
    decisionSlaHours: 72,
    doorbraakBudgetThreshold: euro(2500),
    defaultEvaluationPeriodDays: 90,
    retentionDays: 15 * 365,
    alarmEmail: 'wijkteams-beheer@almelo.nl',
    webTheme: 'uitvoerend-lintblauw',
    defaultIntakeTeamId: 'nieuwstraatkwartier',
    outreachPeriodDays: 14,
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
      wijkteam('centrum', 'Sociaal wijkteam Centrum', ['Centrum'], ['2011', '2012']),
      wijkteam('noord', 'Sociaal wijkteam Noord', ['Noord'], ['2021', '2022', '2023', '2024']),
      wijkteam('oost', 'Sociaal wijkteam Oost', ['Oost'], ['2013', '2014']),
      wijkteam('schalkwijk', 'Sociaal wijkteam Schalkwijk', ['Schalkwijk'], ['2033', '2034', '2035', '2036', '2037']),
      wijkteam('zuid-west', 'Sociaal wijkteam Zuid-West', ['Zuid-West'], ['2015', '2025', '2026']),
      ...cityWideTeams(),
    ],
    webOrigins: ['https://wijkteams.haarlem.nl'],
    decisionSlaHours: 120,
    doorbraakBudgetThreshold: euro(5000),
    defaultEvaluationPeriodDays: 90,
    retentionDays: 15 * 365,
    alarmEmail: 'wijkteams-beheer@haarlem.nl',
    webTheme: 'uitvoerend-hemelblauw',
    defaultIntakeTeamId: 'centrum',
    outreachPeriodDays: 14,
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
      wijkteam('centrum', 'Wijkteam Centrum', ['Centrum'], ['2511', '2512', '2513', '2514']),
      wijkteam('escamp', 'Wijkteam Escamp', ['Escamp'], ['2531', '2532', '2533', '2541', '2542', '2543', '2544', '2545']),
      wijkteam('laak', 'Wijkteam Laak', ['Laak'], ['2521', '2525', '2526']),
      wijkteam('loosduinen', 'Wijkteam Loosduinen', ['Loosduinen'], ['2551', '2552', '2553', '2554', '2555']),
      wijkteam('scheveningen', 'Wijkteam Scheveningen', ['Scheveningen'], ['2582', '2583', '2584', '2586', '2587']),
      wijkteam('segbroek', 'Wijkteam Segbroek', ['Segbroek'], ['2561', '2562', '2563', '2564', '2565']),
      wijkteam('haagse-hout', 'Wijkteam Haagse Hout', ['Haagse Hout'], ['2591', '2592', '2593', '2594', '2595', '2596', '2597']),
      wijkteam(
        'leidschenveen-ypenburg',
        'Wijkteam Leidschenveen-Ypenburg',
        ['Leidschenveen', 'Ypenburg'],
        ['2491', '2492', '2493', '2496', '2497'],
      ),
      ...cityWideTeams(),
    ],
    webOrigins: ['https://wijkteams.denhaag.nl'],
    decisionSlaHours: 72,
    doorbraakBudgetThreshold: euro(10000),
    defaultEvaluationPeriodDays: 90,
    retentionDays: 15 * 365,
    alarmEmail: 'wijkteams-beheer@denhaag.nl',
    webTheme: 'uitvoerend-groen',
    defaultIntakeTeamId: 'centrum',
    outreachPeriodDays: 14,
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
    defaultIntakeTeamId: city.defaultIntakeTeamId,
    outreachPeriodDays: city.outreachPeriodDays,
    signalRetentionMonths: city.signalRetentionMonths ?? DEFAULT_SIGNAL_RETENTION_MONTHS,
    ...(city.processingActivities ? { processingActivities: city.processingActivities } : {}),
  };
}
