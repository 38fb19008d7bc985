import * as z from 'zod/mini';
import {
  INTAKE_FIELDS,
  type PersoonBeperkt,
  type ZoekMetPostcodeEnHuisnummer,
  ZoekMetPostcodeEnHuisnummerResponse,
} from './haal-centraal-shapes.ts';

/** A person the BRP has at an address, as an intake takes them: never more than the intake asks. */
export interface BrpPerson {
  name: string;
  /** Null when the BRP knows the date only in part (a year, a year and month) or not at all: the intaker types it. */
  birthDate: string | null;
  bsn: string;
}

/** The protocol headers of a request: the register's activity and who asks (the city's OIN is the connection's). */
export interface BrpProtocol {
  doelbinding: string;
  verwerking: string;
  gebruiker: string;
}

/** The BRP as wijkteams uses it: the people registered at an address. */
export interface BrpPort {
  residentsAt(
    address: { postcode: string; houseNumber: string; houseNumberAddition?: string },
    protocol: BrpProtocol,
  ): Promise<BrpPerson[]>;
}

/** The BRP did not answer as it should (down, slow, refused us, or answered something else): 503 `brp_unavailable`. */
export class BrpUnavailable extends Error {
  // A plain field, not a parameter property: Node runs this file by stripping types only (npm start).
  readonly reason: 'timeout' | 'unreachable' | 'refused' | 'error' | 'malformed';
  constructor(reason: BrpUnavailable['reason']) {
    super(`The BRP is unavailable (${reason})`);
    this.name = 'BrpUnavailable';
    this.reason = reason;
  }
}

export interface HaalCentraalConfig {
  /** The API's base URL, e.g. `https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp` (the city's configuration). */
  url: string;
  /** The API key (from Secrets Manager when deployed), sent as `X-API-KEY`. */
  apiKey: () => Promise<string>;
  /** The city's OIN (Organisatie-identificatienummer), sent as `x-origin-oin`. */
  originOin: string;
  /** 3 s by default (v1.2): the BRP's slowness never holds a professional long. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * The request for the people at an address. Our house-number addition is one field where Haal
 * Centraal has two: a single letter is a `huisletter` ("12a"), anything else a `huisnummertoevoeging` ("12 bis").
 */
export function zoekMetPostcodeEnHuisnummer(address: {
  postcode: string;
  houseNumber: string;
  houseNumberAddition?: string;
}): ZoekMetPostcodeEnHuisnummer {
  const addition = address.houseNumberAddition?.trim();
  return {
    type: 'ZoekMetPostcodeEnHuisnummer',
    fields: INTAKE_FIELDS,
    postcode: address.postcode.replace(/\s/g, '').toUpperCase(),
    huisnummer: Number(address.houseNumber),
    ...(addition && /^[a-zA-Z]$/.test(addition) ? { huisletter: addition } : {}),
    ...(addition && !/^[a-zA-Z]$/.test(addition) ? { huisnummertoevoeging: addition } : {}),
  };
}

/** A person of the answer as an intake takes them; one without a BSN (it was not given) is left out. */
export function brpPerson(persoon: PersoonBeperkt): BrpPerson | undefined {
  if (!persoon.burgerservicenummer) return undefined;
  const naam = persoon.naam ?? {};
  const name = [naam.voornamen, naam.voorvoegsel, naam.geslachtsnaam].filter(Boolean).join(' ');
  const datum = persoon.geboorte?.datum;
  return { name, birthDate: datum?.type === 'Datum' ? datum.datum : null, bsn: persoon.burgerservicenummer };
}

/**
 * The Haal Centraal BRP Personen Bevragen 2 adapter: `POST {url}/personen`, the protocol headers,
 * a timeout; every failure becomes `BrpUnavailable` with its reason only, never the BRP's answer
 * (which may hold personal data or the BRP's internals).
 */
export function haalCentraalBrp(config: HaalCentraalConfig): BrpPort {
  const send = config.fetch ?? fetch;
  return {
    async residentsAt(address, protocol) {
      const body = zoekMetPostcodeEnHuisnummer(address);
      let response: Response;
      try {
        response = await send(`${config.url.replace(/\/$/, '')}/personen`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            accept: 'application/json; charset=utf-8',
            'x-api-key': await config.apiKey(),
            'x-doelbinding': protocol.doelbinding,
            'x-verwerking': protocol.verwerking,
            'x-origin-oin': config.originOin,
            'x-gebruiker': protocol.gebruiker,
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(config.timeoutMs ?? 3000),
        });
      } catch (error) {
        throw new BrpUnavailable((error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable');
      }
      if (response.status === 401 || response.status === 403) throw new BrpUnavailable('refused');
      if (!response.ok) throw new BrpUnavailable('error');
      let answer: unknown;
      try {
        answer = await response.json();
      } catch {
        throw new BrpUnavailable('malformed');
      }
      const parsed = z.safeParse(ZoekMetPostcodeEnHuisnummerResponse, answer);
      if (!parsed.success) throw new BrpUnavailable('malformed');
      return (parsed.data.personen ?? []).flatMap((persoon) => brpPerson(persoon) ?? []);
    },
  };
}
