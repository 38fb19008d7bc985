import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '../../components/nlds.tsx';
import { ErrorAlert, Loading, ScreenLink, useLoad } from '../../components/ui.tsx';
import { t } from '../../lib/texts.ts';
import { householdNames, markRead, moreNotifications, type Notification, type NotificationPage } from './api.ts';

/** Where a notification's work is: the doorbraak, the signal, the triage, the plan, the dossier's consents, or the dossier. */
function whereTo(n: Notification): string | undefined {
  if (n.escalationId) return `/doorbraken/${n.escalationId}`;
  if (n.kind === 'break_glass' && n.grantId) return `/noodtoegang/beoordelen#noodtoegang-${n.grantId}`;
  if (n.signalId) return `/signalen/${n.signalId}`;
  if (!n.householdId) return undefined;
  if (n.kind === 'plan_changed') return `/huishoudens/${n.householdId}/plan`;
  if (n.kind === 'consent_withdrawn') return `/huishoudens/${n.householdId}#kop-toestemmingen`;
  return `/huishoudens/${n.householdId}`;
}

/**
 * Meldingen: what changed for the caller, newest first, each naming its household as a person
 * recognises it (through the caller's own caseload; otherwise "een huishouden") and linking to
 * where its work is. Following one marks it read; "Alles gelezen" marks them all.
 */
export function Notifications({ page, onRead }: { page: NotificationPage | undefined; onRead: () => Promise<void> }) {
  const names = useLoad(householdNames, 'meldingen');
  const [more, setMore] = useState<Notification[]>([]);
  const [cursor, setCursor] = useState<string | null>();
  const [error, setError] = useState<unknown>();
  const [allRead, setAllRead] = useState(false);
  if (!page || (names.loading && !names.data)) return <Loading />;
  const items = [...page.items, ...more.filter((m) => !page.items.some((n) => n.id === m.id))];
  const next = cursor === undefined ? page.nextCursor : cursor;
  const nameOf = (n: Notification) => (n.householdId ? names.data?.get(n.householdId) : undefined) ?? t.notifications.aHousehold;
  const follow = (n: Notification) => {
    if (!n.read) void markRead({ ids: [n.id] }).then(onRead, setError);
  };
  return (
    <div className="wt-stack">
      <Heading level={1}>{t.notifications.title}</Heading>
      <ErrorAlert error={error} />
      {allRead && (
        <Alert type="ok">
          <Paragraph>{t.notifications.markedAll}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        {items.length === 0
          ? t.notifications.none
          : page.unreadCount > 0
            ? t.notifications.unread(page.unreadCount)
            : t.notifications.noneUnread}
      </Paragraph>
      {page.unreadCount > 0 && (
        <div className="wt-actions">
          <Button
            appearance="secondary-action-button"
            onClick={() =>
              void markRead({ all: true })
                .then(onRead)
                .then(() => setAllRead(true), setError)
            }
          >
            {t.notifications.allRead}
          </Button>
        </div>
      )}
      <ul className="wt-stack">
        {items.map((n) => {
          const to = whereTo(n);
          const text = t.notifications.open(n.title, nameOf(n));
          return (
            <li key={n.id}>
              {to ? (
                <ScreenLink to={to} onFollow={() => follow(n)}>
                  {text}
                </ScreenLink>
              ) : (
                text
              )}{' '}
              · {t.dateTime(n.at)}
              {!n.read && <strong> · {t.notifications.isUnread}</strong>}
            </li>
          );
        })}
      </ul>
      {next && (
        <div className="wt-actions">
          <Button
            appearance="secondary-action-button"
            onClick={() =>
              void moreNotifications(next).then((answer) => {
                setMore((earlier) => [...earlier, ...answer.items]);
                setCursor(answer.nextCursor);
              }, setError)
            }
          >
            {t.notifications.more}
          </Button>
        </div>
      )}
    </div>
  );
}
