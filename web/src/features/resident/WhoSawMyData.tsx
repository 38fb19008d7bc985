import { useState } from 'react';
import { Button, Heading, Paragraph } from '../../components/nlds.tsx';
import { ErrorAlert, ListTable, Loading, useLoad } from '../../components/ui.tsx';
import { t } from '../../lib/texts.ts';
import { getMyProcessingLog, type ResidentLogLine } from './api.ts';

/**
 * Wie zag mijn gegevens: the processing log's lines about the resident, newest first (after the
 * Logboek Dataverwerkingen): when, what, why (the register's activity and its purpose), and by
 * which organisation in which role, never a professional's name.
 */
export function WhoSawMyData() {
  const first = useLoad(() => getMyProcessingLog(), '');
  const [more, setMore] = useState<{ items: ResidentLogLine[]; nextCursor: string | null }>();
  const [error, setError] = useState<unknown>();
  if (first.loading && !first.data) return <Loading />;
  if (!first.data) return <ErrorAlert error={first.error} />;
  const items = [...first.data.items, ...(more?.items ?? [])];
  const cursor = more ? more.nextCursor : first.data.nextCursor;
  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await getMyProcessingLog(cursor);
      setMore({ items: [...(more?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <div className="wt-stack">
      <Heading level={1}>{t.resident.log.title}</Heading>
      <Paragraph>{t.resident.log.intro}</Paragraph>
      <ListTable
        state={{ data: items, loading: false }}
        caption={t.resident.log.caption}
        columns={[t.resident.log.at, t.resident.log.what, t.resident.log.why, t.resident.log.who]}
        empty={t.resident.log.none}
        rowKey={(line) => `${line.at}-${line.action}-${line.activity?.id ?? ''}-${line.role}`}
        cells={(line) => [
          t.dateTime(line.at),
          `${t.privacy.actions[line.action] ?? line.action}: ${line.activity?.name ?? t.resident.log.unknownActivity}`,
          line.activity?.purpose ?? t.resident.log.unknownActivity,
          t.resident.log.whoLine(
            line.organisation,
            t.resident.log.roles[line.role] ?? t.roles[line.role] ?? t.resident.log.roles.professional ?? '',
          ),
        ]}
      />
      <ErrorAlert error={error} />
      {cursor && (
        <div>
          <Button onClick={() => void loadMore()}>{t.resident.log.more}</Button>
        </div>
      )}
    </div>
  );
}
