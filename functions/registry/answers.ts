import * as z from 'zod/mini';
import { Dossier, DossierMember, FormerInvolvedParty, FormerMember, HouseholdSummary, InvolvedParty } from '../http/answer-schemas.ts';
import type { AnswersOf } from '../http/contract.ts';
import type { registryRoutes } from './contract.ts';

export const SearchResult = z
  .extend(HouseholdSummary, {
    matchedMembers: z
      .array(z.object({ memberId: z.string(), name: z.string() }))
      .register(z.globalRegistry, { description: 'The members the BSN or name matched (none for an address).' }),
  })
  .register(z.globalRegistry, { id: 'HouseholdSearchResult', description: 'A household within reach that the search found.' });

export const SearchPage = z
  .object({ items: z.array(SearchResult), nextCursor: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'HouseholdSearchPage', description: 'A page of households found: by BSN or address at most one.' });

/** The answers of the registry function's routes, for the OpenAPI document only: no function bundle imports this file (docs/performance.md). */
export const registryAnswers = {
  searchHouseholds: SearchPage,
  changeHouseholdAddress: Dossier,
  addHouseholdMember: DossierMember,
  changeHouseholdMember: DossierMember,
  removeHouseholdMember: FormerMember,
  addInvolvedParty: InvolvedParty,
  changeInvolvedParty: InvolvedParty,
  endInvolvedParty: FormerInvolvedParty,
} satisfies AnswersOf<(typeof registryRoutes)[number]>;
