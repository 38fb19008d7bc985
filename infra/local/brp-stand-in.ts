import { createServer, type ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import { HAAL_CENTRAAL_VERSION, type PersoonBeperkt, ZoekMetPostcodeEnHuisnummer } from '../../shared/brp/haal-centraal-shapes.ts';
import { readJson } from './request-body.ts';

/**
 * Local mode's BRP: a stand-in for the city's Haal Centraal BRP Personen Bevragen (version
 * 2.7.0, shared/brp/haal-centraal-shapes.ts) that speaks its request and answer: `POST
 * /haalcentraal/api/brp/personen` with `ZoekMetPostcodeEnHuisnummer`, an `X-API-KEY`, and
 * `application/problem+json` errors shaped as its `Foutbericht`. It holds fake people only (the
 * demo city's, the test range's BSNs), added by whoever starts it; nothing is kept.
 */
export interface BrpStandInPerson {
  bsn: string;
  voornamen: string;
  voorvoegsel?: string;
  geslachtsnaam: string;
  /** `YYYY-MM-DD`, or `YYYY` when the BRP knows only the year. */
  geboortedatum: string;
}

export interface BrpStandIn {
  /** The base URL the adapter is configured with (`…/haalcentraal/api/brp`). */
  url: string;
  apiKey: string;
  /** Registers people at an address (postcode, house number and its addition as an intake writes them). */
  add(address: { postcode: string; houseNumber: string; houseNumberAddition?: string }, people: BrpStandInPerson[]): void;
  /** The requests it took, with their protocol headers (for tests of the adapter). */
  requests: { headers: Record<string, string | undefined>; body: unknown }[];
  stop(): Promise<void>;
}

export const BRP_PATH = '/haalcentraal/api/brp';
const LOCAL_API_KEY = 'local-brp-stand-in';

const key = (postcode: string, huisnummer: number, huisletter = '', toevoeging = '') =>
  [postcode.replace(/\s/g, '').toUpperCase(), huisnummer, huisletter.toLowerCase(), toevoeging.toLowerCase()].join('|');

function keyOf(address: { postcode: string; houseNumber: string; houseNumberAddition?: string }) {
  const addition = address.houseNumberAddition?.trim() ?? '';
  const letter = /^[a-zA-Z]$/.test(addition);
  return key(address.postcode, Number(address.houseNumber), letter ? addition : '', letter ? '' : addition);
}

/** The fields asked for, in the answer: a path, or any of its parents, asked (`naam` gives all of `naam.*`). */
function persoon(person: BrpStandInPerson, fields: string[]): PersoonBeperkt {
  const asked = (path: string) => fields.some((field) => field === path || path.startsWith(`${field}.`));
  const naam = {
    ...(asked('naam.voornamen') ? { voornamen: person.voornamen } : {}),
    ...(asked('naam.voorvoegsel') && person.voorvoegsel ? { voorvoegsel: person.voorvoegsel } : {}),
    ...(asked('naam.geslachtsnaam') ? { geslachtsnaam: person.geslachtsnaam } : {}),
  };
  const full = /^\d{4}-\d{2}-\d{2}$/.test(person.geboortedatum);
  const [year, month, day] = person.geboortedatum.split('-').map(Number);
  const datum = full
    ? { type: 'Datum' as const, datum: person.geboortedatum, langFormaat: `${day} ${MONTHS[(month ?? 1) - 1]} ${year}` }
    : { type: 'JaarDatum' as const, jaar: Number(person.geboortedatum.slice(0, 4)), langFormaat: person.geboortedatum.slice(0, 4) };
  return {
    ...(asked('burgerservicenummer') ? { burgerservicenummer: person.bsn } : {}),
    ...(Object.keys(naam).length > 0 ? { naam } : {}),
    ...(asked('geboorte.datum') ? { geboorte: { datum } } : {}),
  };
}

/** `langFormaat` is the date written out in Dutch, lower case ("12 april 1985"), as the API gives it. */
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const problem = (res: ServerResponse, status: number, title: string, code: string, extra: object = {}) => {
  res.writeHead(status, { 'content-type': 'application/problem+json', 'api-version': HAAL_CENTRAAL_VERSION });
  // `instance` is a URI (the schema's format): the request's own, on this host.
  const instance = `http://${res.req.headers.host ?? '127.0.0.1'}${BRP_PATH}/personen`;
  res.end(JSON.stringify({ type: 'https://www.rfc-editor.org/rfc/rfc9110', title, status, code, instance, ...extra }));
};

export async function startBrpStandIn(options: { port?: number; host?: string } = {}): Promise<BrpStandIn> {
  const people = new Map<string, BrpStandInPerson[]>();
  const requests: BrpStandIn['requests'] = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== `${BRP_PATH}/personen`) return problem(res, 404, 'Opgevraagde resource bestaat niet.', 'notFound');
    if (req.method !== 'POST') return problem(res, 405, 'Gebruikte bevragingsmethode bestaat niet.', 'methodNotAllowed');
    if (req.headers['x-api-key'] !== LOCAL_API_KEY) return problem(res, 401, 'Niet correct geauthenticeerd.', 'authentication');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
      return problem(res, 415, 'Media Type wordt niet ondersteund.', 'unsupportedMediaType');
    const body = await readJson(req);
    requests.push({
      headers: Object.fromEntries(
        ['x-doelbinding', 'x-verwerking', 'x-origin-oin', 'x-gebruiker'].map((h) => [h, req.headers[h] as string]),
      ),
      body,
    });
    const query = z.safeParse(ZoekMetPostcodeEnHuisnummer, body);
    if (!query.success) {
      const invalidParams = query.error.issues.map((issue) => ({
        type: 'https://www.vng.nl/realisatie/api/validaties/pattern',
        name: issue.path.join('.') || 'type',
        code: 'pattern',
        reason: 'Waarde voldoet niet aan het patroon.',
      }));
      return problem(res, 400, 'Een of meerdere parameters zijn niet correct.', 'paramsValidation', { invalidParams });
    }
    const { postcode, huisnummer, huisletter, huisnummertoevoeging, fields } = query.data;
    const found = people.get(key(postcode, huisnummer, huisletter, huisnummertoevoeging)) ?? [];
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'api-version': HAAL_CENTRAAL_VERSION });
    res.end(JSON.stringify({ type: 'ZoekMetPostcodeEnHuisnummer', personen: found.map((p) => persoon(p, fields)) }));
  });
  await new Promise<void>((listening) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', listening));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${BRP_PATH}`,
    apiKey: LOCAL_API_KEY,
    requests,
    add(address, registered) {
      const at = keyOf(address);
      people.set(at, [...(people.get(at) ?? []).filter((p) => !registered.some((r) => r.bsn === p.bsn)), ...registered]);
    },
    stop: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
