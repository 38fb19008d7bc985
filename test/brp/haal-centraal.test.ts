import { createServer } from 'node:http';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrpProtocol, BrpUnavailable, haalCentraalBrp } from '#shared/brp/haal-centraal.ts';
import { INTAKE_FIELDS } from '#shared/brp/haal-centraal-shapes.ts';
import { type BrpStandIn, startBrpStandIn } from '../../infra/local/brp-stand-in.ts';
import spec from '../fixtures/haal-centraal-brp-personen-2.7.0.json' with { type: 'json' };

/**
 * The BRP through Haal Centraal (../shared/spec/v1.2.md "BRP look-up through Haal Centraal",
 * issue 31): the adapter against the local stand-in over HTTP, and both held to the published
 * schemas of BRP Personen Bevragen 2.7.0 (test/fixtures, from BRP-API/Haal-Centraal-BRP-bevragen),
 * not to our own: the adapter's request must be a valid `ZoekMetPostcodeEnHuisnummer`, the
 * stand-in's answer a valid `ZoekMetPostcodeEnHuisnummerResponse`, its errors `Foutbericht`s.
 */
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
// The published patterns escape characters (`\'`) that a Unicode regular expression refuses: read them as written.
const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
ajv.addSchema(spec, 'haal-centraal');
const valid = (schema: string, value: unknown) => {
  const validate = ajv.getSchema(`haal-centraal#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema}`);
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`);
};

const PROTOCOL: BrpProtocol = {
  doelbinding: 'brp-lookup',
  verwerking: 'brp-lookup@1',
  gebruiker: 'anna',
};
let brp: BrpStandIn;

beforeAll(async () => {
  brp = await startBrpStandIn();
  brp.add({ postcode: '7511 AB', houseNumber: '12' }, [
    { bsn: '999990019', voornamen: 'Fatima', geslachtsnaam: 'Bakker', geboortedatum: '1985-04-12' },
    { bsn: '999990020', voornamen: 'Daan', voorvoegsel: 'van', geslachtsnaam: 'Dijk', geboortedatum: '1983' },
    { bsn: '999990031', voornamen: 'Noor', geslachtsnaam: 'Bakker', geboortedatum: '2015-09-01' },
  ]);
  brp.add({ postcode: '7511AB', houseNumber: '12', houseNumberAddition: 'a' }, [
    { bsn: '999990043', voornamen: 'Ilse', geslachtsnaam: 'Letter', geboortedatum: '1970-01-01' },
  ]);
  brp.add({ postcode: '7511AB', houseNumber: '12', houseNumberAddition: 'bis' }, [
    { bsn: '999990055', voornamen: 'Bas', geslachtsnaam: 'Toevoeging', geboortedatum: '1971-01-01' },
  ]);
});
afterAll(() => brp.stop());

const adapter = (overrides: Partial<Parameters<typeof haalCentraalBrp>[0]> = {}) =>
  haalCentraalBrp({ url: brp.url, apiKey: async () => brp.apiKey, originOin: '00000001234567890000', ...overrides });

describe('the Haal Centraal adapter against the stand-in', () => {
  it('finds the people at an address, by name, birth date and BSN, asking no more than that', async () => {
    const found = await adapter().residentsAt({ postcode: '7511 ab', houseNumber: '12' }, PROTOCOL);
    expect(found).toEqual([
      { name: 'Fatima Bakker', birthDate: '1985-04-12', bsn: '999990019' },
      // Only the year known: the intaker types the date.
      { name: 'Daan van Dijk', birthDate: null, bsn: '999990020' },
      { name: 'Noor Bakker', birthDate: '2015-09-01', bsn: '999990031' },
    ]);
    const sent = brp.requests.at(-1);
    expect(valid('ZoekMetPostcodeEnHuisnummer', sent?.body)).toEqual([]);
    expect(sent?.body).toMatchObject({ type: 'ZoekMetPostcodeEnHuisnummer', postcode: '7511AB', huisnummer: 12 });
    // Data minimisation: the fields are the BSN, the name's parts and the birth date, nothing else.
    expect([...((sent?.body as { fields?: string[] } | undefined)?.fields ?? [])].sort()).toEqual(
      ['burgerservicenummer', 'geboorte.datum', 'naam.geslachtsnaam', 'naam.voornamen', 'naam.voorvoegsel'].sort(),
    );
    expect(sent?.headers).toEqual({
      'x-doelbinding': 'brp-lookup',
      'x-verwerking': 'brp-lookup@1',
      'x-origin-oin': '00000001234567890000',
      'x-gebruiker': 'anna',
    });
  });

  it('sends a single-letter addition as huisletter and any other as huisnummertoevoeging', async () => {
    expect(
      (await adapter().residentsAt({ postcode: '7511AB', houseNumber: '12', houseNumberAddition: 'A' }, PROTOCOL)).map((p) => p.bsn),
    ).toEqual(['999990043']);
    expect(brp.requests.at(-1)?.body).toMatchObject({ huisletter: 'A' });
    expect(
      (await adapter().residentsAt({ postcode: '7511AB', houseNumber: '12', houseNumberAddition: 'bis' }, PROTOCOL)).map((p) => p.bsn),
    ).toEqual(['999990055']);
    expect(brp.requests.at(-1)?.body).toMatchObject({ huisnummertoevoeging: 'bis' });
    expect(await adapter().residentsAt({ postcode: '7511AB', houseNumber: '99' }, PROTOCOL)).toEqual([]);
  });

  it('answers as the published shapes say, and only with the fields asked', async () => {
    const ask = (body: unknown, key = brp.apiKey) =>
      fetch(`${brp.url}/personen`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-api-key': key },
        body: JSON.stringify(body),
      });
    const answer = await ask({ type: 'ZoekMetPostcodeEnHuisnummer', fields: INTAKE_FIELDS, postcode: '7511AB', huisnummer: 12 });
    const found = await answer.json();
    expect(valid('ZoekMetPostcodeEnHuisnummerResponse', found)).toEqual([]);
    expect(found.personen).toHaveLength(3);
    const onlyBsn = await (
      await ask({ type: 'ZoekMetPostcodeEnHuisnummer', fields: ['burgerservicenummer'], postcode: '7511AB', huisnummer: 12 })
    ).json();
    expect(onlyBsn.personen[0]).toEqual({ burgerservicenummer: '999990019' });
    // Its errors are Foutberichten, as problem+json.
    const refused = await ask({ type: 'ZoekMetPostcodeEnHuisnummer', fields: INTAKE_FIELDS, postcode: '7511AB', huisnummer: 12 }, 'wrong');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(valid('Foutbericht', await refused.json())).toEqual([]);
    const bad = await ask({ type: 'ZoekMetPostcodeEnHuisnummer', fields: INTAKE_FIELDS, postcode: '0511AB', huisnummer: 0 });
    expect(bad.status).toBe(400);
    expect(valid('BadRequestFoutbericht', await bad.json())).toEqual([]);
  });
});

describe('when the BRP fails', () => {
  const unavailable = async (port: ReturnType<typeof adapter>, reason: string) => {
    const error = await port.residentsAt({ postcode: '7511AB', houseNumber: '12' }, PROTOCOL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrpUnavailable);
    expect((error as BrpUnavailable).reason).toBe(reason);
    // Never the BRP's answer in what we carry on.
    expect((error as Error).message).not.toMatch(/Bakker|9999900|geauthenticeerd/);
  };

  it('refused (401/403), an error of its own, a malformed answer, nobody listening, too slow: each BrpUnavailable', async () => {
    await unavailable(adapter({ apiKey: async () => 'wrong' }), 'refused');
    const odd = createServer((req, res) => {
      if (req.url?.includes('slow')) return setTimeout(() => res.end('{}'), 500);
      if (req.url?.includes('malformed')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ type: 'ZoekMetPostcodeEnHuisnummer', personen: [{ burgerservicenummer: 'Bakker' }] }));
      }
      res.writeHead(500, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ title: 'Bakker 999990019', status: 500 }));
    });
    await new Promise<void>((listening) => odd.listen(0, '127.0.0.1', listening));
    const port = (odd.address() as { port: number }).port;
    try {
      await unavailable(adapter({ url: `http://127.0.0.1:${port}/error` }), 'error');
      await unavailable(adapter({ url: `http://127.0.0.1:${port}/malformed` }), 'malformed');
      await unavailable(adapter({ url: `http://127.0.0.1:${port}/slow`, timeoutMs: 100 }), 'timeout');
    } finally {
      await new Promise<void>((closed) => odd.close(() => closed()));
    }
    const stopped = await startBrpStandIn();
    await stopped.stop();
    await unavailable(adapter({ url: stopped.url }), 'unreachable');
  });
});
