import { useEffect, useRef, useState } from 'react';
import type { ParamInDutch } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import type { Dossier, LegalRelation } from '../api.ts';
import { focusLater } from './journal.ts';

type LegalKind = LegalRelation['kind'];

/** The legal relations in the order the form offers them (the API's kinds, shown in Dutch words). */
export const LEGAL_KINDS = ['gezag', 'bewind', 'curatele', 'mentorschap'] as const satisfies readonly LegalKind[];
// Every kind the API knows is offered: a kind added to the contract fails the type check here.
const _everyKind: Exclude<LegalKind, (typeof LEGAL_KINDS)[number]> extends never ? true : never = true;
void _everyKind;

/** A legal relation as the dossier shows it: "Beschermingsbewind: Jan Jansen (Stichting Geldzorg), sinds 1 mrt 2024". */
export function legalRelationText(relation: LegalRelation): string {
  const holder = relation.holderOrganisation ? `${relation.holderName} (${relation.holderOrganisation})` : relation.holderName;
  return t.corrections.legal.shown(t.corrections.legal.kinds[relation.kind] ?? relation.kind, holder, t.date(relation.since));
}

/**
 * The escalation statuses in which a doorbraak is over (domain: `FINAL_STATUSES`, which the web
 * may not import): while any other is on the household, it cannot close.
 */
const FINAL_ESCALATION_STATUSES: readonly string[] = ['rejected', 'closed_resolved', 'closed_unresolved', 'failed'];

/** Why the API would refuse to close the household now (api.md: no open plan or escalation may remain), in one Dutch line; none: it may close. */
export function closingBlocker(dossier: Pick<Dossier, 'planStatus' | 'escalations'>): string | undefined {
  if (dossier.planStatus === 'draft' || dossier.planStatus === 'active')
    return t.corrections.close.planOpen(t.plan.statuses[dossier.planStatus] ?? dossier.planStatus);
  if (dossier.escalations.some((e) => !FINAL_ESCALATION_STATUSES.includes(e.status))) return t.corrections.close.escalationOpen;
  return undefined;
}

/**
 * The correction forms' fields by the API's names (`postcode`, `legalRelations.0.since`,
 * `reason`): what its invalidParams mean, in the forms' own words (never the API's English).
 */
export const correctionParamInDutch: ParamInDutch = ({ name, code }) => {
  const last = name.split('.').at(-1) ?? name;
  const message = (() => {
    switch (last) {
      case 'postcode':
        return t.intake.invalidPostcode;
      case 'houseNumber':
        return t.intake.invalidHouseNumber;
      case 'houseNumberAddition':
        return t.corrections.address.invalidAddition;
      case 'bsn':
        return t.intake.invalidBsn;
      case 'birthDate':
      case 'since':
        return code === 'custom' ? t.intake.inFuture : t.intake.required;
      case 'teamId':
        return t.corrections.transfer.chooseTeam;
      default:
        return t.intake.required;
    }
  })();
  return { field: name === 'body' ? 'body' : name, message };
};

/** Moves the focus to the element with this id once `when` holds (after the change it follows has been drawn). */
export function useFocusWhen(id: string, when: boolean) {
  useEffect(() => {
    if (!when) return;
    const target = document.getElementById(id);
    if (!target) return;
    if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.tabIndex = -1;
    target.focus();
  }, [id, when]);
}

export const today = () => new Date().toISOString().slice(0, 10);

/** What a correction said it saved, and when (so that saying the same twice moves the focus again). */
export type Notice = { text: string; at: number };

/**
 * One correction form at a time, opened from a button: the form's first field takes the focus;
 * cancelled, the focus goes back to the button; saved, the form closes and says what it saved
 * (the notice takes the focus, see `Saved`).
 */
export function useOpenForm<K extends string>() {
  const [open, setOpen] = useState<K>();
  const [notice, setNotice] = useState<Notice>();
  const opener = useRef('');
  return {
    open,
    notice,
    start(key: K, openerId: string, firstFieldId: string) {
      opener.current = openerId;
      setNotice(undefined);
      setOpen(key);
      focusLater(firstFieldId);
    },
    cancel() {
      setOpen(undefined);
      focusLater(opener.current);
    },
    done(text: string) {
      setOpen(undefined);
      setNotice({ text, at: Date.now() });
    },
  };
}

export { useCheckedSubmit, useFocusFirstInvalid } from '../../../components/forms.ts';
