import { type FormEvent, useState } from 'react';
import type { Actor } from '#shared/domain/access.ts';
import { normalizeAddress } from '#shared/domain/address.ts';
import { householdName } from '#shared/domain/names.ts';
import {
  Button,
  Heading,
  Paragraph,
  SelectField,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
} from '../../components/nlds.tsx';
import { ErrorAlert, inputValue, Loading, ScreenLink, useLoad } from '../../components/ui.tsx';
import { t } from '../../lib/texts.ts';
import { getHouseholds, getTeams, type SearchCriterion, searchHouseholds } from './api.ts';

type Found = {
  id: string;
  /** The household as a person recognises it: surnames and address. */
  name: string;
  members: string[];
  teamId: string;
};

/** A household as the caseload and the search results list it: a page of either has the same summary fields. */
const rowOf = (h: {
  id: string;
  teamId: string;
  address: { postcode: string; houseNumber: string; houseNumberAddition?: string };
  members: { name: string; role: string }[];
}): Found => ({
  id: h.id,
  name: householdName(h),
  members: h.members.map((m) => m.name),
  teamId: h.teamId,
});

/**
 * What a search term is: a BSN (nine digits), an address (a postcode and house number, as
 * people type them: `7544 AB 12`, `7544AB12`, `7544 ab 12`, `7544AB 12a`, `7544AB 12-2`), or a name.
 */
function criterionOf(term: string): SearchCriterion {
  const trimmed = term.trim();
  if (/^\d{9}$/.test(trimmed)) return { bsn: trimmed };
  const address = /^([1-9]\d{3})\s*([A-Za-z]{2})\s*(\d{1,5})(?:\s*-?\s*([A-Za-z0-9]{1,6}))?$/.exec(trimmed);
  if (address)
    return normalizeAddress({
      postcode: `${address[1]}${address[2]}`,
      houseNumber: address[3] ?? '',
      ...(address[4] ? { houseNumberAddition: address[4] } : {}),
    });
  return { name: trimmed };
}

/** The team's households (GET /households, paged by cursor), and search by BSN, address or name. */
export function Caseload({ actor }: { actor: Actor }) {
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const [term, setTerm] = useState('');
  const [found, setFound] = useState<Found[]>();
  const [searchError, setSearchError] = useState<unknown>();
  const [pages, setPages] = useState<Found[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const teams = useLoad(() => getTeams().then((answer) => new Map(answer.items.map((team) => [team.id, team.name]))), '');
  const caseload = useLoad(async () => {
    const page = await getHouseholds(status);
    const rows = page.items.map(rowOf);
    setPages(rows);
    setCursor(page.nextCursor);
    return rows;
  }, status);

  const more = async () => {
    if (!cursor) return;
    const page = await getHouseholds(status, cursor);
    setPages((all) => [...all, ...page.items.map(rowOf)]);
    setCursor(page.nextCursor);
  };

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setSearchError(undefined);
    if (!term.trim()) {
      setFound(undefined);
      return;
    }
    try {
      const page = await searchHouseholds(criterionOf(term));
      setFound(page.items.map(rowOf));
    } catch (caught) {
      setSearchError(caught);
    }
  };

  const table = (rows: Found[], caption: string) => (
    <Table className="wt-cards">
      <caption className="wt-skip">{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t.caseload.household}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.caseload.members}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.caseload.team}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell data-label={t.caseload.household}>
              <ScreenLink to={`/huishoudens/${row.id}`}>{row.name}</ScreenLink>
            </TableCell>
            <TableCell data-label={t.caseload.members}>{row.members.join(', ')}</TableCell>
            <TableCell data-label={t.caseload.team}>{teams.data?.get(row.teamId) ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );

  return (
    <>
      <Heading level={1}>{t.caseload.title}</Heading>
      <search>
        <form className="wt-actions" onSubmit={search}>
          <TextField
            id="veld-zoeken"
            label={t.caseload.search}
            description={t.caseload.searchHint}
            value={term}
            onChange={(e) => setTerm(inputValue(e))}
          />
          <Button appearance="primary-action-button" type="submit">
            {t.caseload.searchButton}
          </Button>
        </form>
      </search>
      <ErrorAlert error={searchError} />
      {found && (
        <section className="wt-stack" aria-live="polite">
          <Heading level={2}>{t.caseload.results}</Heading>
          {found.length === 0 ? <Paragraph>{t.caseload.none}</Paragraph> : table(found, t.caseload.results)}
        </section>
      )}
      <SelectField
        id="veld-status"
        label={t.caseload.status}
        value={status}
        onChange={(e) => setStatus(e.target.value as 'open' | 'closed')}
      >
        {(['open', 'closed'] as const).map((s) => (
          <SelectOption key={s} value={s}>
            {t.caseload.statuses[s]}
          </SelectOption>
        ))}
      </SelectField>
      {caseload.loading && <Loading />}
      <ErrorAlert error={caseload.error} />
      {caseload.data && (pages.length === 0 ? <Paragraph>{t.caseload.none}</Paragraph> : table(pages, t.caseload.title))}
      {cursor && (
        <Button appearance="secondary-action-button" onClick={() => void more()}>
          {t.more}
        </Button>
      )}
      {actor.teams.length === 0 && <Paragraph>{t.forbidden}</Paragraph>}
    </>
  );
}
