import { useState } from 'react';
import { type Actor, hasAnyRole, TEAM_LEADERS } from '#shared/domain/access.ts';
import { householdName } from '#shared/domain/names.ts';
import { Alert, Button, Heading, Paragraph, SelectField, SelectOption } from '../../components/nlds.tsx';
import { ErrorAlert, inputValue, ListTable, ScreenLink, useLoad } from '../../components/ui.tsx';
import type { Schemas } from '../../lib/api.ts';
import { downloadJson, slug } from '../../lib/download.ts';
import { t } from '../../lib/texts.ts';
import { exportHousehold, getHousehold, getProcessingActivities, getProcessingLog, getRoster } from './api.ts';
import { actorInWords, purposeInWords, resourceInWords } from './log-words.ts';

type Line = Schemas['ProcessingLogEntry'];

const PAGE = 50;

/**
 * Privacy (team leader): the household's processing log, for everyone or one member (one
 * person's subject access request), paged, in words (who by name, what and why in Dutch, never
 * a user id or an API path); and the export of everything held. One round trip to open: the
 * dossier (for the members' names), the leader's rosters (for who acted), the register (for the
 * activities' names) and the first page side by side.
 */
export function Privacy({ householdId, actor }: { householdId: string; actor: Actor }) {
  // The log and the export are the team leader's (the API refuses anyone else): no button that ends in a refusal.
  if (!hasAnyRole(actor, TEAM_LEADERS))
    return (
      <div className="wt-stack">
        <Heading level={1}>{t.privacy.title}</Heading>
        <Paragraph>{t.privacy.leadersOnly}</Paragraph>
        <Paragraph>
          <ScreenLink to={`/huishoudens/${householdId}`}>{t.privacy.toDossier}</ScreenLink>
        </Paragraph>
      </div>
    );
  return <ProcessingLog householdId={householdId} teams={actor.teams} />;
}

/** The team leader's part: the log and the export. */
function ProcessingLog({ householdId, teams }: { householdId: string; teams: readonly string[] }) {
  const [member, setMember] = useState('');
  const [further, setMore] = useState<{ lines: Line[]; cursor: string | null }>();
  const [error, setError] = useState<unknown>();
  const [exported, setExported] = useState<string>();

  const page = (forMember: string, after: string | null) => getProcessingLog(householdId, PAGE, forMember, after);
  // The household and the rosters of the leader's teams (one of them the household's) side by side: who acted, by name.
  const dossier = useLoad(async () => {
    const [household, rosters, register] = await Promise.all([
      getHousehold(householdId),
      Promise.all(teams.map(getRoster)),
      getProcessingActivities(),
    ]);
    const names = new Map(rosters.flatMap((roster) => roster.items.flatMap((m) => (m.name ? [[m.userId, m.name] as const] : []))));
    return { household, names, activities: new Map(register.items.map((a) => [a.id as string, a.name])) };
  }, householdId);
  const household = dossier.data?.household;
  const names = dossier.data?.names ?? new Map<string, string>();
  const activityName = (id: string | null) => (id ? (dossier.data?.activities.get(id) ?? t.privacy.someActivity) : '—');
  const first = useLoad(async () => {
    setMore(undefined);
    return { member, ...(await page(member, null)) };
  }, `${householdId}/${member}`);
  // The table shows the lines of the member it is captioned with: another member's page is still loading.
  const shown = first.data?.member === member ? first.data : undefined;
  const lines = shown ? [...shown.items, ...(further?.lines ?? [])] : undefined;
  const cursor = further ? further.cursor : (shown?.nextCursor ?? null);

  const more = async () => {
    if (!cursor) return;
    try {
      const answer = await page(member, cursor);
      setMore((earlier) => ({ lines: [...(earlier?.lines ?? []), ...answer.items], cursor: answer.nextCursor }));
    } catch (caught) {
      setError(caught);
    }
  };

  const download = async () => {
    try {
      const everything = await exportHousehold(householdId);
      // Named as a person recognises the household, not by its id.
      const named = household ? slug(householdName(household)) : '';
      const file = `huishouden-${named || householdId}-${everything.exportedAt.slice(0, 10)}.json`;
      downloadJson(file, everything);
      setExported(file);
      setError(undefined);
    } catch (caught) {
      setError(caught);
    }
  };

  // A member who left is still named; one the dossier no longer holds at all is said to be a former member, never by id.
  const nameOf = (memberId: string) =>
    [...(household?.members ?? []), ...(household?.formerMembers ?? [])].find((m) => m.id === memberId)?.name ??
    t.exportDocument.formerMember;
  return (
    <div className="wt-stack">
      <Heading level={1}>{t.privacy.title}</Heading>
      {household && (
        <Paragraph>
          <ScreenLink to={`/huishoudens/${householdId}`}>
            {t.dossier.title}: {householdName(household)}
          </ScreenLink>
        </Paragraph>
      )}
      <Paragraph>{t.privacy.intro}</Paragraph>
      <ErrorAlert error={error ?? dossier.error} />
      <Heading level={2}>{t.privacy.export}</Heading>
      <Paragraph>{t.privacy.exportHint}</Paragraph>
      {exported && (
        <Alert type="ok">
          <Paragraph>{t.privacy.exported(exported)}</Paragraph>
        </Alert>
      )}
      <div className="wt-actions">
        <Button appearance="secondary-action-button" onClick={() => void download()}>
          {t.privacy.export}
        </Button>
        {/* The same, as a Dutch document to print and hand to the resident. */}
        <ScreenLink to={`/huishoudens/${householdId}/inzage`}>{t.exportDocument.open}</ScreenLink>
      </div>
      <Heading level={2}>{t.privacy.log}</Heading>
      <SelectField id="veld-member" label={t.privacy.member} value={member} onChange={(e) => setMember(inputValue(e))}>
        <SelectOption value="">{t.privacy.everyone}</SelectOption>
        {(household?.members ?? []).map((m) => (
          <SelectOption key={m.id} value={m.id}>
            {m.name}
          </SelectOption>
        ))}
      </SelectField>
      <ListTable
        state={{ ...first, data: lines?.map((line, n) => ({ ...line, n })) }}
        caption={member ? `${t.privacy.log}: ${nameOf(member)}` : t.privacy.log}
        columns={[
          t.privacy.at,
          t.privacy.actor,
          t.privacy.action,
          t.privacy.resource,
          t.privacy.purpose,
          t.privacy.activity,
          t.privacy.member,
          t.privacy.status,
        ]}
        empty={t.privacy.none}
        rowKey={(line) => String(line.n)}
        cells={(line) => [
          t.dateTime(line.at),
          actorInWords(line, names),
          t.privacy.actions[line.action] ?? line.action,
          resourceInWords(line.resource),
          purposeInWords(line.purpose),
          activityName(line.processingActivityId),
          line.dataSubjects.map(nameOf).join(', ') || '—',
          t.privacy.statuses[line.status] ?? line.status,
        ]}
      />
      {cursor && (
        <Button appearance="secondary-action-button" onClick={() => void more()}>
          {t.more}
        </Button>
      )}
    </div>
  );
}
