import type { CityRuntimeConfig } from '../city.ts';
import { ADMINISTRATORS, hasAnyRole, isOnTeam, requireOwnTeam } from '../domain/access.ts';
import { cityTotal, monthOf, type TeamFigures, teamFigures } from '../domain/figures.ts';
import { invalidInput } from '../errors.ts';
import type { RequestContext } from '../processing-log.ts';
import type { FiguresStore } from './ports.ts';

export interface FiguresPorts {
  store: FiguresStore;
  city: CityRuntimeConfig;
}

export interface Figures {
  month: string;
  teams: TeamFigures[];
  /** The city's total: for the beheerder, who sees every team. */
  city: TeamFigures | null;
}

/**
 * Figures per team for a month, from counters kept at write time: no scan, no personal data.
 * The beheerder sees every team and the city's total; a team leader sees their own teams.
 */
export async function figures(ports: FiguresPorts, context: RequestContext, query: { month?: string; teamId?: string }): Promise<Figures> {
  const month = query.month ?? monthOf(context.now);
  const cityWide = hasAnyRole(context.principal, ADMINISTRATORS);
  const known = ports.city.teams.filter((team) => team.kind !== 'doorbraakteam').map((team) => team.id);
  if (query.teamId && !known.includes(query.teamId)) {
    throw invalidInput('No such team in this city.', [
      { name: 'teamId', code: 'unknown_team', reason: 'must be a wijkteam or the interventieteam' },
    ]);
  }
  if (query.teamId && !cityWide) requireOwnTeam(context.principal, query.teamId, 'A team leader sees the figures of their own teams.');
  const teams = query.teamId ? [query.teamId] : cityWide ? known : known.filter((team) => isOnTeam(context.principal, team));
  const rows = await ports.store.figures(month, teams);
  return {
    month,
    teams: teams.map((teamId) => {
      const row = rows.get(teamId) ?? { counts: {}, open: 0 };
      return teamFigures(teamId, row.counts, row.open);
    }),
    city: cityWide && !query.teamId ? cityTotal([...rows.values()], ports.city.partners) : null,
  };
}
