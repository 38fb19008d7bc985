import { type FormEvent, useState } from 'react';
import { Button, Heading, Paragraph, TextField } from '../../components/nlds.tsx';
import { ErrorAlert, inputValue, Loading, useLoad } from '../../components/ui.tsx';
import { t } from '../../lib/texts.ts';
import { searchPrecedents } from './api.ts';

/** Precedenten: earlier doorbraken in the doorbraakteam's words, searched before writing a new one (GET /precedents?q=). */
export function Precedents() {
  const [term, setTerm] = useState('');
  const [query, setQuery] = useState('');
  const list = useLoad(() => searchPrecedents(query), query);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQuery(term.trim());
  };
  return (
    <>
      <Heading level={1}>{t.precedents.title}</Heading>
      <search>
        <form className="wt-actions" onSubmit={search}>
          <TextField id="veld-precedent-zoeken" label={t.precedents.search} value={term} onChange={(e) => setTerm(inputValue(e))} />
          <Button appearance="primary-action-button" type="submit">
            {t.precedents.searchButton}
          </Button>
        </form>
      </search>
      {list.loading && !list.data && <Loading />}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 && <Paragraph>{t.precedents.none}</Paragraph>}
      {list.data?.items.map((p) => (
        <article key={p.id} className="wt-stack">
          <Heading level={2}>{p.summary}</Heading>
          <Paragraph>
            {t.escalations.blockingRule}: {p.blockingRule} · {p.organisations.join(', ')} · {p.domains.map((d) => t.domains[d]).join(', ')}
          </Paragraph>
          <Paragraph>
            {t.escalations.solution}: {p.solution}
          </Paragraph>
          <Paragraph>
            {t.precedents.decision[p.decision]}
            {p.approvedCost ? ` (${t.money(p.approvedCost.amount)})` : ''}, {t.precedents.outcome[p.outcome]},{' '}
            {t.precedents.leadTime(p.leadTimeDays)}
          </Paragraph>
        </article>
      ))}
    </>
  );
}
