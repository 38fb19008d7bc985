import { useState } from 'react';
import type { Actor } from '#shared/domain/access.ts';
import { SIGNAL_OUTCOMES } from '#shared/domain/signal.ts';
import { Heading, Paragraph, SelectField, SelectOption } from '../../components/nlds.tsx';
import { ErrorAlert, inputValue, ListTable, ScreenLink, useLoad } from '../../components/ui.tsx';
import { t } from '../../lib/texts.ts';
import { getSignals, getTeams, type SignalOutcomeKind } from './api.ts';

/**
 * Signalen: the team's outreach queue, oldest first (GET /signals?teamId=), or with "Toon" the
 * signals that ended with one outcome (`status`). Teams by name (GET /teams), never their ids.
 */
export function SignalQueue({ actor }: { actor: Actor }) {
  const [teamId, setTeamId] = useState(actor.teams[0] ?? '');
  const [status, setStatus] = useState<SignalOutcomeKind | ''>('');
  const queue = useLoad(() => getSignals(teamId, status || undefined), `${teamId}/${status}`);
  const teams = useLoad(() => getTeams().then((answer) => new Map(answer.items.map((team) => [team.id, team.name]))), '');
  const names = teams.data;
  const outcome = status ? t.signals.statuses[status] : undefined;
  return (
    <>
      <Heading level={1}>{t.signals.title}</Heading>
      <ErrorAlert error={teams.error} />
      {names &&
        (actor.teams.length > 1 ? (
          <SelectField id="veld-team" label={t.signals.team} value={teamId} onChange={(e) => setTeamId(inputValue(e))}>
            {actor.teams.map((team) => (
              <SelectOption key={team} value={team}>
                {names.get(team) ?? t.unnamed}
              </SelectOption>
            ))}
          </SelectField>
        ) : (
          teamId && (
            <Paragraph>
              {t.signals.team}: {names.get(teamId) ?? t.unnamed}
            </Paragraph>
          )
        ))}
      <SelectField
        id="veld-status"
        label={t.signals.show}
        value={status}
        onChange={(e) => setStatus(inputValue(e) as SignalOutcomeKind | '')}
      >
        <SelectOption value="">{t.signals.open}</SelectOption>
        {SIGNAL_OUTCOMES.map((o) => (
          <SelectOption key={o} value={o}>
            {t.signals.statuses[o]}
          </SelectOption>
        ))}
      </SelectField>
      <Heading level={2}>{outcome ? t.signals.withOutcome(outcome) : t.signals.queue}</Heading>
      <ListTable
        state={{ ...queue, data: queue.data?.items }}
        columns={[t.signals.person, t.signals.kind, t.signals.partner, t.signals.received, t.signals.status]}
        empty={outcome ? t.signals.emptyWithOutcome(outcome) : t.signals.empty}
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
