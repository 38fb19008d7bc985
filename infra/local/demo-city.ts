import createClient from 'openapi-fetch';
import type { components, paths } from '../../client/schema.d.ts';
import { cityConfig } from '../cities.ts';
import type { BrpStandInPerson } from './brp-stand-in.ts';
import type { LocalStack } from './server.ts';
import { type DemoProfessional, type DemoResident, demoProfessionals } from './web.ts';

type Schemas = components['schemas'];
type Domain = Schemas['NewIntake']['domains'][number];

/**
 * A clock the functions read instead of the system's: the demo city sets it back to make months of
 * history (intakes, plans, assessments, doorbraken, signals each at their own moment), then lets it run.
 */
export function settableClock() {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() - offsetMs),
    setTo(at: Date) {
      offsetMs = Math.max(0, Date.now() - at.getTime());
    },
    reset() {
      offsetMs = 0;
    },
  };
}
export type SettableClock = ReturnType<typeof settableClock>;

/** A small seeded random generator (mulberry32): the same city every time. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

/**
 * A BSN that passes the 11-proef and is no one's: the 9999 range is the one the Dutch
 * government sets apart for tests, so no real person carries these numbers.
 */
export function fakeBsn(random: ReturnType<typeof seeded>, taken: Set<string>): string {
  for (;;) {
    const digits = `9999${String(random.int(0, 9999)).padStart(4, '0')}`.split('').map(Number);
    const sum = digits.reduce((total, digit, i) => total + digit * (9 - i), 0);
    const last = sum % 11;
    const bsn = `${digits.join('')}${last}`;
    if (last < 10 && !taken.has(bsn)) {
      taken.add(bsn);
      return bsn;
    }
  }
}

const FAMILY = [
  'Jansen',
  'de Boer',
  'Bulut',
  'Visser',
  'Smit',
  'Meijer',
  'Mulder',
  'Bos',
  'Yilmaz',
  'Kok',
  'Dijkstra',
  'Brink',
  'El Amrani',
  'Koster',
  'Prins',
  'Hendriks',
  'Veenstra',
  'Wolters',
  'Oosterhof',
  'Nijland',
  'Kaya',
  'Haverkamp',
  'Lammers',
  'Mensink',
];
const ADULTS = [
  'Anouk',
  'Mohamed',
  'Petra',
  'Henk',
  'Samira',
  'Joost',
  'Ingrid',
  'Ricardo',
  'Fenna',
  'Hasan',
  'Marloes',
  'Bart',
  'Aylin',
  'Gert',
  'Naima',
  'Wim',
];
const CHILDREN = ['Lieke', 'Milan', 'Sem', 'Yara', 'Luuk', 'Noa', 'Adam', 'Julia', 'Finn', 'Zeynep', 'Jesse', 'Lina'];

/** Stories as residents tell them, with the life domains they touch. */
const STORIES: { question: string; domains: Domain[] }[] = [
  {
    question: 'Ik heb schulden bij de energieleverancier en de huur is te hoog. Ik slaap er slecht van.',
    domains: ['finances', 'housing'],
  },
  {
    question: 'Sinds mijn scheiding red ik het niet meer met de kinderen en het geld.',
    domains: ['finances', 'parenting', 'domestic_relations'],
  },
  { question: 'Mijn zoon gaat niet meer naar school en zit de hele dag binnen.', domains: ['parenting', 'time_use'] },
  { question: 'Ik ben mijn baan kwijt en de brieven van de deurwaarder stapelen zich op.', domains: ['finances', 'work_education'] },
  {
    question: 'Ik drink te veel sinds mijn vrouw overleed en ik zie bijna niemand meer.',
    domains: ['substance_use', 'social_network', 'mental_health'],
  },
  { question: 'De woning is vochtig en de kinderen zijn steeds ziek. De verhuurder doet niets.', domains: ['housing', 'physical_health'] },
  { question: 'Ik heb een boete van justitie die ik niet kan betalen, en nu dreigt gijzeling.', domains: ['justice', 'finances'] },
  { question: 'Mijn moeder kan zichzelf niet meer verzorgen en ik werk fulltime.', domains: ['basic_adl', 'instrumental_adl'] },
  {
    question: 'Ik voel me somber en kom de deur niet meer uit. De administratie loopt achter.',
    domains: ['mental_health', 'instrumental_adl', 'finances'],
  },
  { question: 'Er is veel ruzie thuis en de buren hebben de politie gebeld.', domains: ['domestic_relations', 'parenting'] },
];

const BLOCKAGES: { blockage: string; organisations: string[]; proposal: string; rule: string; domains: Domain[]; solution: string }[] = [
  {
    blockage: 'De zorgverzekeraar verrekent de premieschuld met de zorgtoeslag',
    organisations: ['Menzis', 'Gemeente Enschede'],
    proposal: 'Premieschuld bevriezen zolang de schuldregeling loopt',
    rule: 'Verrekening van premieschuld met zorgtoeslag',
    domains: ['finances', 'physical_health'],
    solution: 'De premieschuld is bevroren tot de schuldregeling is afgerond.',
  },
  {
    blockage: 'De corporatie wil pas een andere woning aanbieden als de huurachterstand is afgelost',
    organisations: ['Domijn'],
    proposal: 'Verhuizen naar een goedkopere woning met een afbetalingsregeling',
    rule: 'Geen nieuwe huurovereenkomst bij huurachterstand',
    domains: ['housing', 'finances'],
    solution: 'Een goedkopere woning met een afbetalingsregeling via de gemeente.',
  },
  {
    blockage: 'De bijstand stopt bij een studie, de studiefinanciering start pas over drie maanden',
    organisations: ['Gemeente Enschede', 'DUO'],
    proposal: 'Bijstand doorbetalen tot de studiefinanciering loopt',
    rule: 'Geen bijstand naast een voltijdopleiding',
    domains: ['finances', 'work_education'],
    solution: 'De bijstand loopt door tot de eerste betaling van DUO.',
  },
  {
    blockage: 'De waterleverancier wil afsluiten terwijl er kinderen in huis wonen',
    organisations: ['Vitens'],
    proposal: 'Afsluiting uitstellen en de achterstand meenemen in de schuldhulp',
    rule: 'Afsluiten bij een achterstand van meer dan twee maanden',
    domains: ['housing', 'parenting', 'finances'],
    solution: 'Geen afsluiting; de achterstand loopt mee in de schuldhulp.',
  },
  {
    blockage: 'Het CJIB int de boete ondanks het lopende schuldhulptraject',
    organisations: ['CJIB', 'Gemeente Enschede'],
    proposal: 'Betalingsregeling voor de boete binnen het budgetplan',
    rule: 'Geen betalingsregeling voor verhoogde boetes',
    domains: ['justice', 'finances'],
    solution: 'Een betalingsregeling die binnen het budgetplan past.',
  },
];

const DAY = 86_400_000;
const isoDate = (at: Date) => at.toISOString().slice(0, 10);

export interface DemoSummary {
  households: number;
  intakes: number;
  assessments: number;
  journalEntries: number;
  /** Involved parties with a member's consent (v1.2). */
  consents: number;
  escalations: Record<string, number>;
  signals: Record<string, number>;
  precedents: number;
  seconds: number;
  /** One adult of each household, for the local sign-in as a resident (v1.2). */
  residents: DemoResident[];
  /** What the BRP stand-in holds (v1.2): every household loaded, and families the BRP knows that the team does not yet. */
  brp: { address: { postcode: string; houseNumber: string }; people: BrpStandInPerson[] }[];
}

/** A demo name as the BRP keeps it: the first name, a lower-case prefix ("de", "van") apart, the surname. */
function brpName(name: string): Pick<BrpStandInPerson, 'voornamen' | 'voorvoegsel' | 'geslachtsnaam'> {
  const [voornamen = '', ...rest] = name.split(' ');
  const prefix = rest.filter((word, i) => i < rest.length - 1 && /^[a-z]/.test(word));
  const geslachtsnaam = rest.slice(prefix.length).join(' ');
  return { voornamen, ...(prefix.length > 0 ? { voorvoegsel: prefix.join(' ') } : {}), geslachtsnaam };
}

/**
 * Loads a synthetic city into a running local stack (web.md "Demo city"): households, intakes
 * and their triage, plans, ZRM assessments over months, doorbraken in every state the flow
 * can wait in, and partners' signals, made of fake people (BSNs of the test range), all of it
 * through the API with the demo professionals' own tokens, the clock set back for each step.
 * The demo professionals are the sign-in page's, so each one finds their own work.
 */
export async function loadDemoCity(stack: LocalStack, clock: SettableClock, cityId = 'enschede'): Promise<DemoSummary> {
  const started = Date.now();
  const city = cityConfig(cityId);
  const random = seeded(20261123);
  const api = createClient<paths>({ baseUrl: `${stack.url}/v1` });
  const people = demoProfessionals(city);
  const tokens = new Map<string, string>();
  for (const person of people)
    tokens.set(
      person.id,
      await stack.idp.sign({ sub: person.id, name: person.name, roles: person.roles, teams: person.teams }, { expiresInSeconds: 3600 }),
    );
  const as = (person: DemoProfessional | undefined) => ({ Authorization: `Bearer ${tokens.get(person?.id ?? '') ?? ''}` });
  const who = (role: string, teamId?: string) => people.find((p) => p.roles.includes(role) && (!teamId || p.teams.includes(teamId)));
  const ok = <T>(what: string, answer: { data?: T; error?: unknown; response: Response }): T => {
    if (answer.data === undefined || !answer.response.ok) throw new Error(`demo city: ${what} answered ${answer.response.status}`);
    return answer.data;
  };
  const now = new Date();
  const at = (daysAgo: number) => {
    const moment = new Date(now.getTime() - daysAgo * DAY);
    moment.setUTCHours(8 + random.int(0, 8), random.int(0, 59));
    clock.setTo(moment);
    return moment;
  };

  const summary: DemoSummary = {
    households: 0,
    intakes: 0,
    assessments: 0,
    journalEntries: 0,
    consents: 0,
    escalations: {},
    signals: {},
    precedents: 0,
    seconds: 0,
    residents: [],
    brp: [],
  };
  // Every BSN the city gives out, the BRP-only families' too: no two people share one.
  const bsnsTaken = new Set<string>();
  try {
    // Everyone signs in once, half a year ago: the rosters hold them from then on.
    at(190);
    for (const person of people) ok('sign-in', await api.GET('/me/tasks', { headers: as(person), params: { query: {} } }));

    const bsns = bsnsTaken;
    const wijkteams = city.teams.filter((team) => team.kind === 'wijkteam');
    const complex: { householdId: string; teamId: string; since: number; adult: string }[] = [];
    let houseNumber = 1;
    for (const team of wijkteams) {
      for (let n = 0; n < 6; n++) {
        const family = random.pick(FAMILY);
        // The last of each team came in this week and waits for triage: the intakers' work lists have it.
        const waiting = n === 5;
        const daysAgo = waiting ? random.int(0, 6) : random.int(20, 175);
        const story = random.pick(STORIES);
        const adult = `${random.pick(ADULTS)} ${family}`;
        const members: Schemas['NewIntake']['household']['members'] = [
          {
            name: adult,
            birthDate: `${random.int(1960, 1998)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
            bsn: fakeBsn(random, bsns),
            role: 'adult',
          },
        ];
        for (let c = random.int(0, 3); c > 0; c--)
          members.push({
            name: `${random.pick(CHILDREN)} ${family}`,
            birthDate: `${random.int(2008, 2023)}-1${random.int(0, 2)}-0${random.int(1, 9)}`,
            ...(random.next() < 0.5 ? { bsn: fakeBsn(random, bsns) } : {}),
            role: 'child',
          });
        const area = team.postcodeAreas?.[0] ?? '7511';
        const intaker = who('intaker', team.id);
        at(daysAgo);
        const registered: Schemas['NewIntake'] = {
          teamId: team.id,
          channel: random.pick(['walk_in', 'phone', 'email', 'referral'] as const),
          urgency: random.next() < 0.15 ? 'acute' : 'normal',
          question: story.question,
          domains: story.domains,
          household: {
            address: { postcode: `${area} ${random.pick(['AB', 'CD', 'EF', 'GH', 'KL'])}`, houseNumber: String(houseNumber++) },
            members,
          },
        };
        const intake = ok('intake', await api.POST('/intakes', { headers: as(intaker), body: registered }));
        summary.intakes++;
        summary.households++;
        const first = members[0];
        if (first?.bsn)
          summary.residents.push({
            name: first.name,
            bsn: first.bsn,
            teamName: team.name,
            address: `${registered.household.address.postcode} ${registered.household.address.houseNumber}`,
          });
        summary.brp.push({
          address: registered.household.address,
          people: members.flatMap((m) => (m.bsn ? [{ bsn: m.bsn, ...brpName(m.name), geboortedatum: m.birthDate }] : [])),
        });
        const householdId = intake.householdId ?? '';
        if (waiting) continue;
        at(daysAgo - 1);
        const kind = n;
        const coach = who('wijkcoach', team.id);
        const triage: Schemas['TriageRequest'] =
          kind === 0
            ? { outcome: 'resolved_by_intaker', resolution: 'Betalingsregeling afgesproken en doorverwezen naar de formulierenbrigade.' }
            : kind === 1
              ? { outcome: 'referred_external', resolution: 'Doorverwezen naar de huisarts en het maatschappelijk werk.' }
              : { outcome: 'referred_to_coach', coachId: coach?.id ?? '', complexity: kind === 2 ? 'simple' : 'complex' };
        ok('triage', await api.POST('/intakes/{id}/triage', { headers: as(intaker), params: { path: { id: intake.id } }, body: triage }));
        if (triage.complexity === 'complex') complex.push({ householdId, teamId: team.id, since: daysAgo - 1, adult });
      }
    }

    // Complex households: one regisseur, one plan, agreed; ZRM every month since the start.
    for (const household of complex) {
      const coach = who('wijkcoach', household.teamId);
      const leader = who('teamleider', household.teamId);
      const path = { id: household.householdId };
      at(household.since - 1);
      ok(
        'regisseur',
        await api.PUT('/households/{id}/regisseur', { headers: as(leader), params: { path }, body: { userId: coach?.id ?? '' } }),
      );
      const dossier = ok('dossier', await api.GET('/households/{id}', { headers: as(coach), params: { path } }));
      const domains = dossier.intakes[0]?.domains ?? ['finances'];
      // The household's story: what the coach wrote down after each contact (a restricted entry in every fourth household).
      const note = async (kind: Schemas['NewJournalEntry']['kind'], text: string, restricted = false) => {
        ok(
          'journal',
          await api.POST('/households/{id}/journal', { headers: as(coach), params: { path }, body: { kind, text, domains, restricted } }),
        );
        summary.journalEntries++;
      };
      // The network (v1.2): in every second household the schuldhulpverlener, with the adult's consent to share the plan.
      if (complex.indexOf(household) % 2 === 0 && dossier.members[0]) {
        const party = ok(
          'involved',
          await api.POST('/households/{id}/involved', {
            headers: as(coach),
            params: { path },
            body: {
              kind: 'professional',
              name: 'Sanne Veldkamp',
              organisation: 'Schuldhulpverlening Enschede',
              role: 'schuldhulpverlener',
              about: [dossier.members[0].id],
              domains: ['finances'],
            },
          }),
        );
        ok(
          'consent',
          await api.POST('/households/{id}/consents', {
            headers: as(coach),
            params: { path },
            body: {
              memberId: dossier.members[0].id,
              organisation: party.organisation ?? party.name,
              purpose: 'Aanmelding en begeleiding bij de schuldhulpverlening',
              dataKinds: ['plan', 'members'],
              domains: ['finances'],
              form: 'written',
              givenAt: new Date(now.getTime() - (household.since - 1) * DAY).toISOString().slice(0, 10),
            },
          }),
        );
        summary.consents++;
      }
      at(household.since - 2);
      await note('home_visit', `Kennismaking thuis met ${household.adult}. Samen op een rij gezet wat speelt en wat het eerst moet.`);
      if (complex.indexOf(household) % 4 === 0) {
        await note('consultation', 'Overleg met Veilig Thuis volgens de meldcode; afspraken over de veiligheid van de kinderen.', true);
      }
      at(household.since - 3);
      const start = new Date(now.getTime() - (household.since - 3) * DAY);
      const plan = ok(
        'plan',
        await api.POST('/households/{id}/plan', {
          headers: as(coach),
          params: { path },
          body: {
            goals: domains.slice(0, 3).map((domain, g) => ({
              domain,
              description: `Weer grip op ${domain === 'finances' ? 'de financiën' : 'dit leefgebied'} (${g + 1})`,
              actions: [
                {
                  description: 'Eerste gesprek met de betrokken organisatie',
                  ownerId: coach?.id ?? '',
                  organisation: 'Wijkteam',
                  dueDate: isoDate(new Date(start.getTime() + 14 * DAY)),
                },
                {
                  description: 'Afspraken vastleggen met het huishouden',
                  ownerId: coach?.id ?? '',
                  organisation: 'Wijkteam',
                  dueDate: isoDate(new Date(start.getTime() + 45 * DAY)),
                },
              ],
            })),
            evaluationDate: isoDate(new Date(start.getTime() + 90 * DAY)),
          },
        }),
      );
      ok(
        'agreement',
        await api.POST('/households/{id}/plan/agreement', { headers: as(coach), params: { path }, body: { agreedBy: household.adult } }),
      );
      const firstAction = plan.goals[0]?.actions[0]?.id;
      if (firstAction && household.since > 20) {
        at(household.since - 12);
        ok(
          'completion',
          await api.POST('/households/{id}/plan/actions/{actionId}/completion', {
            headers: as(coach),
            params: { path: { id: household.householdId, actionId: firstAction } },
          }),
        );
      }
      const scores: Partial<Record<Domain, number>> = Object.fromEntries(domains.map((domain) => [domain, random.int(1, 2)]));
      for (let daysAgo = household.since - 5, n = 0; daysAgo > 0; daysAgo -= 30, n++) {
        at(daysAgo);
        ok(
          'assessment',
          await api.POST('/households/{id}/assessments', {
            headers: as(coach),
            params: { path },
            body: { scores: { ...scores }, note: n === 0 ? 'Eerste meting bij de start van het plan.' : `Meting ${n + 1}.` },
          }),
        );
        summary.assessments++;
        await note(
          n % 2 === 0 ? 'conversation' : 'phone',
          n === 0 ? 'Eerste meting samen gedaan en het plan toegelicht.' : `Voortgang besproken bij meting ${n + 1}.`,
        );
        for (const domain of domains) scores[domain] = Math.min(5, (scores[domain] ?? 1) + (random.next() < 0.6 ? 1 : 0));
      }
    }

    // Doorbraken in every state the flow waits in, and closed ones with their precedents.
    const doorbraakteam = who('doorbraakteam');
    const budgethouder = who('budgethouder');
    const waitFor = async (id: string, status: Schemas['Escalation']['status']) => {
      for (let i = 0; i < 300; i++) {
        const seen = ok('escalation', await api.GET('/escalations/{id}', { headers: as(doorbraakteam), params: { path: { id } } }));
        if (seen.status === status && !seen.pendingAnswer) return;
        await new Promise((wait) => setTimeout(wait, 50));
      }
      throw new Error(`demo city: a doorbraak did not reach ${status}`);
    };
    const scenarios: { end: Schemas['Escalation']['status']; cost?: number; daysAgo: number }[] = [
      { end: 'closed_resolved', cost: 1200, daysAgo: 100 },
      { end: 'closed_resolved', cost: 450, daysAgo: 80 },
      { end: 'closed_unresolved', cost: 2500, daysAgo: 70 },
      { end: 'rejected', daysAgo: 60 },
      { end: 'awaiting_evaluation', cost: 6000, daysAgo: 40 },
      { end: 'awaiting_budget_approval', cost: 7500, daysAgo: 9 },
      { end: 'awaiting_information', daysAgo: 7 },
      { end: 'awaiting_decision', cost: 900, daysAgo: 5 },
      { end: 'awaiting_decision', daysAgo: 1 },
    ];
    const candidates = [...complex].sort((a, b) => b.since - a.since);
    for (const [i, scenario] of scenarios.entries()) {
      const household = candidates.find((h) => h.since > scenario.daysAgo + 5) ?? candidates[i % candidates.length];
      if (!household) break;
      candidates.splice(candidates.indexOf(household), 1);
      const story = BLOCKAGES[i % BLOCKAGES.length] as (typeof BLOCKAGES)[number];
      const coach = who('wijkcoach', household.teamId);
      at(scenario.daysAgo);
      const escalation = ok(
        'escalation',
        await api.POST('/households/{id}/escalations', {
          headers: as(coach),
          params: { path: { id: household.householdId } },
          body: {
            blockage: story.blockage,
            organisations: story.organisations,
            proposal: story.proposal,
            ...(scenario.cost ? { cost: { amount: scenario.cost, currency: 'EUR' as const } } : {}),
            urgency: scenario.daysAgo < 6 ? 'high' : 'normal',
          },
        }),
      );
      const id = escalation.id;
      const path = { id };
      await waitFor(id, 'awaiting_decision');
      const later = (days: number) => at(Math.max(0, scenario.daysAgo - days));
      if (scenario.end !== 'awaiting_decision') {
        later(2);
        if (scenario.end === 'awaiting_information') {
          ok(
            'request info',
            await api.POST('/escalations/{id}/decision', {
              headers: as(doorbraakteam),
              params: { path },
              body: { decision: 'request_info', motivation: 'Welke afspraken lopen er al met de schuldeisers?' },
            }),
          );
          await waitFor(id, 'awaiting_information');
        } else if (scenario.end === 'rejected') {
          ok(
            'reject',
            await api.POST('/escalations/{id}/decision', {
              headers: as(doorbraakteam),
              params: { path },
              body: {
                decision: 'reject',
                motivation: 'Binnen de bestaande regels is een oplossing mogelijk: de voorliggende voorziening eerst.',
              },
            }),
          );
          await waitFor(id, 'rejected');
        } else {
          ok(
            'approve',
            await api.POST('/escalations/{id}/decision', {
              headers: as(doorbraakteam),
              params: { path },
              body: {
                decision: 'approve',
                motivation: 'Maatwerk is hier goedkoper dan de problemen laten oplopen.',
                ...(scenario.cost ? { approvedCost: { amount: scenario.cost, currency: 'EUR' as const } } : {}),
              },
            }),
          );
          const overBudget = (scenario.cost ?? 0) > city.doorbraakBudgetThreshold.amount;
          if (overBudget) {
            await waitFor(id, 'awaiting_budget_approval');
            if (scenario.end !== 'awaiting_budget_approval') {
              later(4);
              ok(
                'budget',
                await api.POST('/escalations/{id}/budget-approval', {
                  headers: as(budgethouder),
                  params: { path },
                  body: { decision: 'approve', motivation: 'Past binnen het maatwerkbudget.' },
                }),
              );
            }
          }
          if (scenario.end !== 'awaiting_budget_approval') {
            await waitFor(id, 'awaiting_evaluation');
            if (scenario.end === 'closed_resolved' || scenario.end === 'closed_unresolved') {
              later(5);
              ok(
                'precedent',
                await api.POST('/escalations/{id}/precedent', {
                  headers: as(doorbraakteam),
                  params: { path },
                  body: {
                    summary: `${story.blockage}, zodat het plan vastliep.`,
                    blockingRule: story.rule,
                    organisations: story.organisations,
                    domains: story.domains,
                    solution: story.solution,
                  },
                }),
              );
              summary.precedents++;
              later(30);
              const resolved = scenario.end === 'closed_resolved';
              ok(
                'evaluation',
                await api.POST('/escalations/{id}/evaluation', {
                  headers: as(coach),
                  params: { path },
                  body: { resolved, note: resolved ? 'Het plan loopt weer.' : 'De blokkade is weg, maar het huishouden haakte af.' },
                }),
              );
              await waitFor(id, scenario.end);
            }
          }
        }
      }
      summary.escalations[scenario.end] = (summary.escalations[scenario.end] ?? 0) + 1;
    }

    // Partners' signals of the last weeks: new, in outreach, no contact, help accepted and declined, and two for one address.
    const partnerTokens = new Map<string, string>();
    for (const partner of city.partners) partnerTokens.set(partner.id, await stack.idp.signPartner(partner.id));
    const signalScenarios: { partner: string; kind: Schemas['NewSignal']['kind']; daysAgo: number; end: string; area: number }[] = [
      { partner: 'menzis', kind: 'health_insurance_arrears', daysAgo: 2, end: 'received', area: 0 },
      { partner: 'vitens', kind: 'water_arrears', daysAgo: 1, end: 'joined', area: 0 },
      { partner: 'domijn', kind: 'rent_arrears', daysAgo: 6, end: 'in_outreach', area: 1 },
      { partner: 'menzis', kind: 'health_insurance_arrears', daysAgo: 25, end: 'no_contact', area: 2 },
      { partner: 'domijn', kind: 'rent_arrears', daysAgo: 20, end: 'help_accepted', area: 3 },
      { partner: 'vitens', kind: 'water_arrears', daysAgo: 15, end: 'help_declined', area: 4 },
      { partner: 'menzis', kind: 'energy_arrears', daysAgo: 12, end: 'received', area: 5 },
    ];
    let previous: { postcode: string; houseNumber: string } | undefined;
    for (const [i, scenario] of signalScenarios.entries()) {
      const team = wijkteams[scenario.area % wijkteams.length];
      const address =
        scenario.end === 'joined' && previous
          ? previous
          : { postcode: `${team?.postcodeAreas?.[0] ?? '7511'} ${random.pick(['MN', 'PR', 'ST'])}`, houseNumber: String(200 + i) };
      previous = address;
      const family = random.pick(FAMILY);
      at(scenario.daysAgo);
      const signal = ok(
        'signal',
        await api.POST('/signals', {
          headers: { Authorization: `Bearer ${partnerTokens.get(scenario.partner) ?? ''}` },
          body: {
            reference: `DEMO-${scenario.partner.toUpperCase()}-${1000 + i}`,
            kind: scenario.kind,
            arrears: { amount: random.int(180, 2400) + 0.5, currency: 'EUR' },
            since: isoDate(new Date(now.getTime() - (scenario.daysAgo + 60) * DAY)),
            address,
            person: {
              name: `${random.pick(ADULTS)} ${family}`,
              birthDate: `${random.int(1950, 1999)}-0${random.int(1, 9)}-2${random.int(0, 8)}`,
            },
            contact: { phone: `06 ${random.int(10_000_000, 99_999_999)}` },
          },
        }),
      );
      const id = signal.id;
      const teamId = team?.id ?? '';
      const attempt = async (
        daysAgo: number,
        channel: Schemas['NewContactAttempt']['channel'],
        reached: boolean,
        person = who('intaker', teamId),
      ) => {
        const moment = at(daysAgo);
        ok(
          'attempt',
          await api.POST('/signals/{id}/contact-attempts', {
            headers: as(person),
            params: { path: { id } },
            body: { channel, reached, at: moment.toISOString() },
          }),
        );
      };
      const outcome = async (body: Schemas['SignalOutcome']) =>
        ok('outcome', await api.POST('/signals/{id}/outcome', { headers: as(who('wijkcoach', teamId)), params: { path: { id } }, body }));
      if (scenario.end === 'in_outreach') await attempt(scenario.daysAgo - 2, 'letter', false);
      if (scenario.end === 'no_contact') {
        await attempt(scenario.daysAgo - 2, 'letter', false);
        await attempt(scenario.daysAgo - 6, 'visit', false);
        await attempt(scenario.daysAgo - 9, 'phone', false);
        await outcome({ outcome: 'no_contact', note: 'Drie keer geprobeerd; brief met het inloopspreekuur achtergelaten.' });
      }
      if (scenario.end === 'help_accepted' || scenario.end === 'help_declined') {
        await attempt(scenario.daysAgo - 3, 'visit', true, who('wijkcoach', teamId));
        await outcome(
          scenario.end === 'help_accepted'
            ? { outcome: 'help_accepted', note: 'Wil hulp bij de betalingsachterstand.' }
            : { outcome: 'help_declined', note: 'Regelt het zelf met de verhuurder.' },
        );
      }
      summary.signals[scenario.end] = (summary.signals[scenario.end] ?? 0) + 1;
    }
  } finally {
    clock.reset();
  }
  // Families the BRP knows and the team not yet, one per wijkteam (drawn last: the city above stays as it was).
  for (const team of city.teams.filter((t) => t.kind === 'wijkteam')) {
    const family = random.pick(FAMILY);
    const people = [0, 1, 2].map((i) => ({
      bsn: fakeBsn(random, bsnsTaken),
      ...brpName(`${i === 2 ? random.pick(CHILDREN) : random.pick(ADULTS)} ${family}`),
      geboortedatum:
        i === 2
          ? `${random.int(2010, 2020)}-0${random.int(1, 9)}-1${random.int(0, 9)}`
          : `${random.int(1965, 1995)}-0${random.int(1, 9)}-2${random.int(0, 8)}`,
    }));
    summary.brp.push({ address: { postcode: `${team.postcodeAreas?.[0] ?? '7511'} BR`, houseNumber: '100' }, people });
  }
  for (const entry of summary.brp) stack.brp.add(entry.address, entry.people);
  summary.seconds = Math.round((Date.now() - started) / 100) / 10;
  stack.demoResidents.push(...summary.residents);
  return summary;
}
