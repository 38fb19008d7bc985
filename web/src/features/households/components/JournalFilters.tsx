import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { Button, SelectField, SelectOption, TextField } from '../../../components/nlds.tsx';
import { inputValue } from '../../../components/ui.tsx';
import { t } from '../../../lib/texts.ts';
import { JOURNAL_KINDS } from './journal.ts';

/** The filters as the fields hold them ('' is "all"); the search applies from two letters on. */
export interface FilterFields {
  kind: string;
  domain: string;
  member: string;
  q: string;
}

export const NO_FILTER: FilterFields = { kind: '', domain: '', member: '', q: '' };

/** The search the API accepts: two letters at least (`q` matches the start of words). */
export const searchTerm = (q: string) => (q.trim().length >= 2 ? q.trim() : '');

export const isFiltered = (f: FilterFields) => Boolean(f.kind || f.domain || f.member || searchTerm(f.q));

/** The journal's filters: by kind, life domain and member (by name), and a search in the entries' text. */
export function JournalFilters({
  value,
  members,
  open,
  onOpen,
  onChange,
}: {
  value: FilterFields;
  members: { id: string; name: string }[];
  open: boolean;
  onOpen: (open: boolean) => void;
  onChange: (value: FilterFields) => void;
}) {
  const set = (change: Partial<FilterFields>) => onChange({ ...value, ...change });
  const any = Boolean(value.kind || value.domain || value.member || value.q);
  return (
    <details className="wt-more" open={open} onToggle={(e) => onOpen(e.currentTarget.open)}>
      <summary>{t.journal.filters}</summary>
      <search aria-label={t.journal.filters}>
        <form className="wt-stack" onSubmit={(e) => e.preventDefault()}>
          <div className="wt-grid">
            <SelectField
              id="veld-journal-filter-kind"
              label={t.journal.filterKind}
              value={value.kind}
              onChange={(e) => set({ kind: inputValue(e) })}
            >
              <SelectOption value="">{t.journal.allKinds}</SelectOption>
              {JOURNAL_KINDS.map((k) => (
                <SelectOption key={k} value={k}>
                  {t.journal.kinds[k]}
                </SelectOption>
              ))}
            </SelectField>
            <SelectField
              id="veld-journal-filter-domain"
              label={t.journal.filterDomain}
              value={value.domain}
              onChange={(e) => set({ domain: inputValue(e) })}
            >
              <SelectOption value="">{t.journal.allDomains}</SelectOption>
              {LIFE_DOMAINS.map((d) => (
                <SelectOption key={d} value={d}>
                  {t.domains[d]}
                </SelectOption>
              ))}
            </SelectField>
            <SelectField
              id="veld-journal-filter-member"
              label={t.journal.filterMember}
              value={value.member}
              onChange={(e) => set({ member: inputValue(e) })}
            >
              <SelectOption value="">{t.journal.allMembers}</SelectOption>
              {members.map((m) => (
                <SelectOption key={m.id} value={m.id}>
                  {m.name}
                </SelectOption>
              ))}
            </SelectField>
            <TextField
              id="veld-journal-filter-q"
              type="search"
              label={t.journal.search}
              description={t.journal.searchHint}
              value={value.q}
              maxLength={100}
              onChange={(e) => set({ q: inputValue(e) })}
            />
          </div>
          {any && (
            <div className="wt-actions">
              <Button onClick={() => onChange(NO_FILTER)}>{t.journal.clear}</Button>
            </div>
          )}
        </form>
      </search>
    </details>
  );
}
