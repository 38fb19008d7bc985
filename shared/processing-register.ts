import type { CityRuntimeConfig } from './city.ts';
import type { ProcessingActivity, RegisterEntry } from './processing-activities.ts';

/**
 * A city's register: the shared entries below, and the versions the city's configuration adds
 * (a changed purpose or legal basis is a new version there). The shared text is code rather
 * than configuration because a Lambda function's environment holds at most 4 KB.
 */
export function registerOf(
  city: Pick<CityRuntimeConfig, 'retentionDays' | 'processingActivities'> & Partial<Pick<CityRuntimeConfig, 'signalRetentionMonths'>>,
): ProcessingActivity[] {
  return [
    ...sharedRegister(Math.round(city.retentionDays / 365), city.signalRetentionMonths ?? 9),
    ...(city.processingActivities ?? []),
  ].map((entry) => ({ ...entry, disclosure: entry.disclosure ?? false }));
}

/**
 * The register of processing activities every city starts from (AVG art. 30), in Dutch: the
 * city publishes it, and residents read it on their own view. Legal bases are the Dutch
 * social-domain laws the wijkteams work under; retention follows the city's retention of case files.
 */
function sharedRegister(retentionYears: number, signalRetentionMonths: number): RegisterEntry[] {
  const caseFiles = `${retentionYears} jaar na het afsluiten van de zaak van het huishouden`;
  const signals = `${signalRetentionMonths} maanden na ontvangst, tenzij hulp is aanvaard (dan zo lang als het dossier van het huishouden)`;
  return [
    {
      id: 'intake-registration',
      name: 'Registratie van een hulpvraag',
      purpose: 'Eén keer vastleggen wat een inwoner vraagt, in diens eigen woorden, en het koppelen aan het huishouden',
      legalBasis: 'Wmo 2015 art. 2.3.2; Jeugdwet art. 2.3; Participatiewet art. 7 (AVG art. 6 lid 1 sub e, 9 lid 2 sub h)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'triage',
      name: 'Triage van een hulpvraag',
      purpose: 'Beslissen of een vraag meteen wordt opgelost of wordt doorverwezen, en naar wie',
      legalBasis: 'Wmo 2015 art. 2.3.2; Jeugdwet art. 2.3 (AVG art. 6 lid 1 sub e)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'case-management',
      name: 'Regie op de zaak van een huishouden',
      purpose: 'Het dossier van een huishouden inzien en de zaak sturen: de caseload, de regisseur, overdracht, afsluiten',
      legalBasis: 'Wmo 2015 art. 2.3.2, 5.1.1; Jeugdwet art. 7.4.0 (AVG art. 6 lid 1 sub e, 9 lid 2 sub h)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'household-records',
      name: 'Gegevens van het huishouden juist houden',
      purpose: 'Het adres, de leden en de wettelijk vertegenwoordigers van een huishouden corrigeren',
      legalBasis: 'AVG art. 5 lid 1 sub d, 16; Wmo 2015 art. 5.1.1',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'assessment',
      name: 'Meting van zelfredzaamheid (ZRM)',
      purpose: 'De zelfredzaamheid van een huishouden per leefgebied meten, om hulp te plannen en te evalueren',
      legalBasis: 'Wmo 2015 art. 2.3.2 (AVG art. 6 lid 1 sub e, 9 lid 2 sub h)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'care-planning',
      name: 'Eén huishouden, één plan',
      purpose: 'Het ene plan van het huishouden opstellen, afspreken en uitvoeren',
      legalBasis: 'Wmo 2015 art. 2.3.2; Jeugdwet art. 2.3; Participatiewet art. 7 (AVG art. 6 lid 1 sub e, 9 lid 2 sub h)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'doorbraak',
      name: 'Doorbraak: maatwerk buiten de regels',
      purpose: 'Besluiten over en uitvoeren van een uitzondering op regels die het plan van een huishouden blokkeren',
      legalBasis: 'Wmo 2015 art. 2.3.5; Participatiewet art. 18 (maatwerk) (AVG art. 6 lid 1 sub e)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'search',
      name: 'Een huishouden zoeken',
      purpose: 'Nagaan of een inwoner al bekend is bij het eigen team, zodat het verhaal één keer verteld wordt',
      legalBasis: 'Wmo 2015 art. 5.1.1 (AVG art. 6 lid 1 sub e)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'work-list',
      name: 'De werklijst van professionals',
      purpose: 'Professionals laten zien wat zij moeten doen voor de huishoudens waarvoor zij werken',
      legalBasis: 'Wmo 2015 art. 2.3.2 (AVG art. 6 lid 1 sub e)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'subject-access',
      name: 'Inzageverzoek',
      purpose: 'Een inwoner alles geven wat over hem of haar is vastgelegd',
      legalBasis: 'AVG art. 15, 6 lid 1 sub c',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'accountability',
      name: 'Verantwoording van verwerkingen',
      purpose: 'Laten zien wie de gegevens van een huishouden verwerkte, wanneer en waarom',
      legalBasis: 'AVG art. 5 lid 2, 30, 32',
      retention: 'zo lang als het verwerkingenlog (dat langer blijft dan het dossier)',
      version: 1,
    },
    {
      id: 'vroegsignalering',
      name: 'Ontvangst van een signaal van betalingsachterstand',
      purpose:
        'Signalen van partners ontvangen over achterstanden in huur, energie, water en zorgverzekering, om hulp aan te bieden voordat schulden oplopen, en de partner laten weten of hulp is aanvaard',
      legalBasis: 'Wet gemeentelijke schuldhulpverlening art. 3a; Besluit gemeentelijke schuldhulpverlening (AVG art. 6 lid 1 sub c)',
      retention: signals,
      version: 1,
    },
    {
      id: 'outreach',
      name: 'Contact zoeken na een signaal',
      purpose: 'Na een signaal contact zoeken met een huishouden (huisbezoek, brief, telefoon) en vastleggen of hulp is aanvaard',
      legalBasis: 'Wet gemeentelijke schuldhulpverlening art. 3a (AVG art. 6 lid 1 sub e)',
      retention: signals,
      version: 1,
    },
    {
      id: 'journal',
      name: 'Verslaglegging',
      purpose:
        'Vastleggen wat er gebeurde in de zaak van een huishouden (gesprekken, huisbezoeken, telefoontjes, brieven, overleg) en dat teruglezen, met de tijdlijn van het huishouden',
      legalBasis:
        'Wmo 2015 art. 2.3.2, 5.1.1; Jeugdwet art. 7.4.0; WGBO (art. 7:454 BW) voor het zorgdossier (AVG art. 6 lid 1 sub e, 9 lid 2 sub h)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'involved-parties',
      name: 'Betrokkenen rond het huishouden',
      purpose:
        'Vastleggen wie er rond het huishouden betrokken is (professionals van andere organisaties, familie, buren), zodat de regisseur het netwerk kan sturen',
      legalBasis: 'Wmo 2015 art. 2.3.2, 5.1.1; Jeugdwet art. 7.4.0 (AVG art. 6 lid 1 sub e)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'consent',
      name: 'Toestemming voor het delen van gegevens',
      purpose: 'Vastleggen welke toestemming een inwoner gaf om gegevens te delen met een organisatie, en de intrekking daarvan',
      legalBasis: 'AVG art. 6 lid 1 sub a, 7, 9 lid 2 sub a; voor een kind onder 16 jaar de gezagsdrager (AVG art. 8; UAVG art. 5)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'disclosure',
      name: 'Verstrekking aan een betrokkene',
      purpose:
        'Gegevens van het huishouden aan een betrokken organisatie verstrekken, alleen op toestemming of op een wettelijke grondslag',
      legalBasis:
        'AVG art. 6 lid 1 sub a (toestemming) of de wettelijke grondslag van de verstrekking, die bij elke verstrekking is vastgelegd',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'resident-access',
      name: 'Inzage door betrokkene',
      purpose:
        'De inwoner ziet zelf het plan, het netwerk, de toestemmingen en verstrekkingen van het eigen huishouden, en wie de eigen gegevens verwerkte',
      legalBasis: 'AVG art. 15 (recht op inzage); Wmo 2015 art. 2.3.2 lid 8 (het plan met de inwoner) (AVG art. 6 lid 1 sub c)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'brp-lookup',
      name: 'BRP-bevraging bij een aanmelding',
      purpose:
        'Bij een aanmelding de namen, geboortedatums en BSN ophalen van wie op het adres staat ingeschreven, om het huishouden juist vast te leggen',
      legalBasis:
        'Wet BRP art. 3.3 (verstrekking aan de gemeente); Wmo 2015 art. 2.3.2 en 5.2.1; Jeugdwet art. 7.4.1 (AVG art. 6 lid 1 sub e)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'break-glass',
      name: 'Noodtoegang bij een acute situatie',
      purpose:
        'Het interventieteam laat in een acute situatie een huishouden van een ander team inzien, met een reden, voor acht uur, en de teamleider van dat team beoordeelt het achteraf',
      legalBasis:
        'Wmo 2015 art. 2.3.2, 5.2.6; Jeugdwet art. 7.4.4; de vitale belangen van de betrokkene (AVG art. 6 lid 1 sub d en e, 9 lid 2 sub c en h)',
      retention: caseFiles,
      version: 1,
    },
    {
      id: 'disclosure-safety',
      name: 'Verstrekking bij (een vermoeden van) huiselijk geweld of kindermishandeling',
      purpose: 'Veilig Thuis of de politie informeren volgens de meldcode, ook zonder toestemming',
      legalBasis: 'Wet verplichte meldcode; Wmo 2015 art. 5.2.6 (meldrecht); Jeugdwet art. 7.4.4 (AVG art. 6 lid 1 sub c en d)',
      retention: caseFiles,
      version: 1,
      disclosure: true,
    },
    {
      id: 'disclosure-debt-help',
      name: 'Verstrekking voor schuldhulpverlening',
      purpose: 'De schuldhulpverlening van de gemeente de gegevens geven die zij nodig heeft om een inwoner met schulden te helpen',
      legalBasis: 'Wet gemeentelijke schuldhulpverlening art. 3, 8a (AVG art. 6 lid 1 sub e)',
      retention: caseFiles,
      version: 1,
      disclosure: true,
    },
    {
      id: 'disclosure-youth-protection',
      name: 'Verstrekking aan de jeugdbescherming',
      purpose: 'De Raad voor de Kinderbescherming of een gecertificeerde instelling de gegevens geven die zij voor een kind nodig heeft',
      legalBasis: 'Jeugdwet art. 7.3.11, 7.4.4; BW art. 1:240 (AVG art. 6 lid 1 sub c en e)',
      retention: caseFiles,
      version: 1,
      disclosure: true,
    },
  ];
}
