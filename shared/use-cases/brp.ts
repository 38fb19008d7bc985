import { type BrpPort, BrpUnavailable } from '../brp/haal-centraal.ts';
import type { CityRuntimeConfig } from '../city.ts';
import { amsterdamDate } from '../domain/tasks.ts';
import { brpUnavailable } from '../errors.ts';
import { type PersonLogLine, personLogLine, type RequestContext } from '../processing-log.ts';
import type { LookupHasher } from './ports.ts';

export interface BrpLookupStore {
  appendPersonLog(lines: PersonLogLine[]): Promise<void>;
}

export interface BrpPorts {
  /** The city's BRP, or undefined when none is configured (503, as when it is down). */
  brp: BrpPort | undefined;
  store: BrpLookupStore;
  hasher: LookupHasher;
  city: Pick<CityRuntimeConfig, 'name'>;
}

/** A person at the address, as Aanmelden fills in a member. */
export interface BrpResident {
  name: string;
  birthDate: string | null;
  bsn: string;
  role: 'adult' | 'child';
}

/** Under 18 on `today` (Europe/Amsterdam): a child; a birth date the BRP knows only in part counts as an adult's. */
export function roleOn(birthDate: string | null, today: string): 'adult' | 'child' {
  if (!birthDate) return 'adult';
  const eighteenth = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
  return eighteenth > today ? 'child' : 'adult';
}

/**
 * `GET /brp/residents`: the people registered at an address, from the city's BRP (v1.2), for an
 * intake to fill its members. The request carries the register's activity (`x-doelbinding`,
 * `x-verwerking`), the city's OIN and who asks; each look-up is logged, one line per person
 * found, under their keyed BSN hash. The BRP down, slow or refusing: 503 `brp_unavailable`.
 */
export async function lookUpResidents(
  ports: BrpPorts,
  context: RequestContext,
  address: { postcode: string; houseNumber: string; houseNumberAddition?: string },
): Promise<{ items: BrpResident[] }> {
  if (!ports.brp) throw brpUnavailable();
  const activity = context.processingActivity;
  const found = await ports.brp
    .residentsAt(address, {
      doelbinding: activity?.id ?? 'brp-lookup',
      verwerking: `${activity?.id ?? 'brp-lookup'}@${activity?.version ?? 1}`,
      gebruiker: context.principal.userId,
    })
    .catch((error: unknown) => {
      if (error instanceof BrpUnavailable) throw brpUnavailable();
      throw error;
    });
  const resource = '/brp/residents';
  await ports.store.appendPersonLog(found.map((person) => personLogLine(context, ports.hasher.bsn(person.bsn), 'read', resource)));
  const today = amsterdamDate(context.now);
  return { items: found.map((person) => ({ ...person, role: roleOn(person.birthDate, today) })) };
}
