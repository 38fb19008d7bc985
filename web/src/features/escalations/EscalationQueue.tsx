import { Heading } from '../../components/nlds.tsx';
import { ListTable, ScreenLink, useLoad } from '../../components/ui.tsx';
import { t } from '../../lib/texts.ts';
import { getEscalations } from './api.ts';

/** Doorbraken: the doorbraakteam's and budget holders' queue (GET /escalations), oldest first. */
export function EscalationQueue() {
  const queue = useLoad(getEscalations, '');
  return (
    <>
      <Heading level={1}>{t.escalations.title}</Heading>
      <ListTable
        state={{ ...queue, data: queue.data?.items }}
        columns={[t.escalations.blockage, t.escalations.status, t.escalations.submitted]}
        empty={t.escalations.empty}
        rowKey={(e) => e.id}
        cells={(e) => [
          <ScreenLink key="link" to={`/doorbraken/${e.id}`}>
            {e.blockage}
          </ScreenLink>,
          <>
            {t.escalations.statuses[e.status]}
            {e.overdue && <span className="wt-overdue"> ({t.escalations.overdue})</span>}
          </>,
          t.date(e.submittedAt),
        ]}
      />
    </>
  );
}
