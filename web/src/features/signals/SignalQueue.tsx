import { useState } from 'react';
import type { Actor } from '#shared/domain/access.ts';
import { Heading, SelectField, SelectOption } from '../../components/nlds.tsx';
import { inputValue, ListTable, ScreenLink, useLoad } from '../../components/ui.tsx';
import { t } from '../../lib/texts.ts';
import { getSignals } from './api.ts';

/** Signalen: the team's outreach queue, oldest first (GET /signals?teamId=). */
export function SignalQueue({ actor }: { actor: Actor }) {
  const [teamId, setTeamId] = useState(actor.teams[0] ?? '');
  const queue = useLoad(() => getSignals(teamId), teamId);
  return (
    <>
      <Heading level={1}>{t.signals.title}</Heading>
      {actor.teams.length > 1 && (
        <SelectField id="veld-team" label={t.signals.team} value={teamId} onChange={(e) => setTeamId(inputValue(e))}>
          {actor.teams.map((team) => (
            <SelectOption key={team} value={team}>
              {team}
            </SelectOption>
          ))}
        </SelectField>
      )}
      <Heading level={2}>{t.signals.queue}</Heading>
      <ListTable
        state={{ ...queue, data: queue.data?.items }}
        columns={[t.signals.person, t.signals.kind, t.signals.partner, t.signals.received, t.signals.status]}
        empty={t.signals.empty}
        rowKey={(signal) => signal.id}
        cells={(signal) => [
          <ScreenLink key="link" to={`/signalen/${signal.id}`}>
            {signal.person?.name ?? `${signal.address.postcode} ${signal.address.houseNumber}`}
          </ScreenLink>,
          t.signals.kinds[signal.kind],
          signal.partnerName,
          t.date(signal.receivedAt),
          t.signals.statuses[signal.status],
        ]}
      />
    </>
  );
}
