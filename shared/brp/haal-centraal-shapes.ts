import * as z from 'zod/mini';

/**
 * The parts of Haal Centraal BRP Personen Bevragen that wijkteams uses, written from its OpenAPI
 * specification, version 2.7.0 (BRP-API/Haal-Centraal-BRP-bevragen, specificatie/resolved/openapi.yaml:
 * `POST /personen`, schemas `ZoekMetPostcodeEnHuisnummer`, `ZoekMetPostcodeEnHuisnummerResponse`,
 * `PersoonBeperkt`, `NaamBasis`, `GeboorteBasis`, `AbstractDatum`, `Foutbericht`). The adapter sends
 * requests of this shape, the local stand-in takes and answers them, and a test holds both to it.
 */
export const HAAL_CENTRAAL_VERSION = '2.7.0';

const pattern = (re: RegExp) => z.string().check(z.regex(re));

export const Postcode = pattern(/^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$/);
export const Huisnummer = z.int().check(z.minimum(1), z.maximum(99999));
export const Huisletter = pattern(/^[a-zA-Z]{1}$/);
export const Huisnummertoevoeging = pattern(/^[a-zA-Z0-9 -]{1,4}$/);
export const Field = pattern(/^[a-zA-Z0-9._]{1,200}$/);
export const Burgerservicenummer = pattern(/^[0-9]{9}$/);

/** `ZoekMetPostcodeEnHuisnummer` (with `PersonenQuery`'s `type` and `fields`, 1–130 of them). */
export const ZoekMetPostcodeEnHuisnummer = z.strictObject({
  type: z.literal('ZoekMetPostcodeEnHuisnummer'),
  fields: z.array(Field).check(z.minLength(1), z.maxLength(130)),
  gemeenteVanInschrijving: z.optional(pattern(/^[0-9]{4}$/)),
  inclusiefOverledenPersonen: z.optional(z.boolean()),
  postcode: Postcode,
  huisnummer: Huisnummer,
  huisletter: z.optional(Huisletter),
  huisnummertoevoeging: z.optional(Huisnummertoevoeging),
  geboortedatum: z.optional(z.iso.date()),
  geslachtsnaam: z.optional(z.string()),
});
export type ZoekMetPostcodeEnHuisnummer = z.infer<typeof ZoekMetPostcodeEnHuisnummer>;

const NameText = pattern(/^[a-zA-Z0-9À-ž .\-']{1,200}$/);

/** `AbstractDatum`: a full date (`Datum`), or one only partly known (`JaarDatum`, `JaarMaandDatum`, `DatumOnbekend`). */
const LangFormaat = pattern(/^[a-z0-9 ]{1,17}$/);

export const AbstractDatum = z.union([
  z.object({ type: z.literal('Datum'), langFormaat: LangFormaat, datum: z.iso.date() }),
  z.object({ type: z.literal('JaarMaandDatum'), langFormaat: LangFormaat, jaar: z.int(), maand: z.int() }),
  z.object({ type: z.literal('JaarDatum'), langFormaat: LangFormaat, jaar: z.int() }),
  z.object({ type: z.literal('DatumOnbekend'), langFormaat: LangFormaat, onbekend: z.optional(z.boolean()) }),
]);

/** `PersoonBeperkt`, as far as the fields asked for reach (the API leaves out what was not asked or is not there). */
export const PersoonBeperkt = z.object({
  burgerservicenummer: z.optional(Burgerservicenummer),
  naam: z.optional(
    z.object({
      voornamen: z.optional(NameText),
      voorvoegsel: z.optional(pattern(/^[a-zA-Z ']{1,10}$/)),
      geslachtsnaam: z.optional(NameText),
    }),
  ),
  geboorte: z.optional(z.object({ datum: z.optional(AbstractDatum) })),
  geheimhoudingPersoonsgegevens: z.optional(z.boolean()),
});
export type PersoonBeperkt = z.infer<typeof PersoonBeperkt>;

export const ZoekMetPostcodeEnHuisnummerResponse = z.object({
  type: z.literal('ZoekMetPostcodeEnHuisnummer'),
  personen: z.optional(z.array(PersoonBeperkt)),
});

/** `Foutbericht` (RFC 7807), the body of every error the API answers (`application/problem+json`). */
export const Foutbericht = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.int().check(z.minimum(100), z.maximum(600))),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.optional(pattern(/^[a-zA-Z0-9]{1,25}$/)),
});

/** What an intake asks of a person, and no more (data minimisation): the BSN, the name and the birth date. */
export const INTAKE_FIELDS = ['burgerservicenummer', 'naam.voornamen', 'naam.voorvoegsel', 'naam.geslachtsnaam', 'geboorte.datum'];
