import { useEffect, useState } from 'react';
import { type Actor, hasAnyRole, TEAM_LEADERS } from '#shared/domain/access.ts';
import { REVIEW_NOTE_MAX, VERDICTS, type Verdict } from '#shared/domain/break-glass.ts';
import { useCheckedSubmit } from '../../components/forms.ts';
import { Alert, Button, Choice, ChoiceGroup, Heading, Paragraph, TextareaField } from '../../components/nlds.tsx';
import { ErrorAlert, inputValue, Loading, type ParamInDutch, useFocusOnHash, useLoad } from '../../components/ui.tsx';
import { ApiError } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { type Grant, grantsToReview, householdNames, reviewGrant, teamNames } from './api.ts';

const paramInDutch: ParamInDutch = ({ name }) => {
  const field = name.split('.').at(-1) ?? name;
  return { field, message: field === 'verdict' ? t.grantReviews.chooseVerdict : t.grantReviews.noteRequired };
};

/**
 * Noodtoegang beoordelen (v1.2 rule 17): the team leader's list of break-glass grants on the
 * team's households still to review, newest first, each with who took it, when, until when and
 * why, and the review: justified or not, with a note. One review per grant: a colleague's review
 * meanwhile is said in Dutch. The work list's task and the notification lead here, to the grant.
 */
export function GrantReviews({ actor }: { actor: Actor }) {
  const teams = hasAnyRole(actor, TEAM_LEADERS) ? actor.teams : [];
  const loaded = useLoad(async () => {
    const [lists, names, households] = await Promise.all([
      Promise.all(teams.map(async (teamId) => ({ teamId, grants: (await grantsToReview(teamId)).items }))),
      teamNames(),
      householdNames(),
    ]);
    return { lists, names, households };
  }, teams.join());
  const [notice, setNotice] = useState<string>();
  useFocusOnHash(loaded.data !== undefined);
  // A review saved takes its form away: the focus goes to what was saved, not to the page's start.
  useEffect(() => {
    if (notice) document.getElementById('beoordeeld')?.focus();
  }, [notice]);
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ErrorAlert error={loaded.error} />;
  const { lists, names, households } = loaded.data;
  const grants = lists.flatMap((list) => list.grants);
  const householdOf = (grant: Grant) => households.get(grant.householdId) ?? t.notifications.aHousehold;
  return (
    <div className="wt-stack">
      <Heading level={1}>{t.grantReviews.title}</Heading>
      <Paragraph>{t.grantReviews.intro}</Paragraph>
      {notice && (
        <div id="beoordeeld" tabIndex={-1}>
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        </div>
      )}
      {grants.length === 0 && <Paragraph>{t.grantReviews.none}</Paragraph>}
      {lists
        .filter((list) => list.grants.length > 0)
        .map((list) => (
          <section key={list.teamId} className="wt-stack" {...(lists.length > 1 ? { 'aria-labelledby': `kop-team-${list.teamId}` } : {})}>
            {lists.length > 1 && (
              <Heading level={2} id={`kop-team-${list.teamId}`}>
                {t.grantReviews.team(names.get(list.teamId) ?? list.teamId)}
              </Heading>
            )}
            {list.grants.map((grant) => (
              <GrantReview
                key={grant.id}
                grant={grant}
                household={householdOf(grant)}
                onReviewed={(text) => {
                  setNotice(text);
                  loaded.reload();
                }}
              />
            ))}
          </section>
        ))}
    </div>
  );
}

function GrantReview({ grant, household, onReviewed }: { grant: Grant; household: string; onReviewed: (notice: string) => void }) {
  const [verdict, setVerdict] = useState<Verdict>();
  const [note, setNote] = useState('');
  const headingId = `kop-noodtoegang-${grant.id}`;
  const { form, submit, error, fieldErrors, edited } = useCheckedSubmit(paramInDutch, {
    check: () => {
      const errors: Record<string, string> = {};
      if (!verdict) errors.verdict = t.grantReviews.chooseVerdict;
      if (!note.trim()) errors.note = t.grantReviews.noteRequired;
      return errors;
    },
    send: () => reviewGrant(grant.id, { verdict: verdict ?? 'justified', note: note.trim() }),
    done: () => onReviewed(t.grantReviews.saved(household, t.grantReviews.verdicts[verdict ?? ''] ?? '')),
    refused: (caught): Record<string, string> | undefined =>
      caught instanceof ApiError && caught.status === 409 ? { verdict: t.grantReviews.alreadyReviewed } : undefined,
  });
  return (
    <form ref={form} id={`noodtoegang-${grant.id}`} className="wt-stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {t.grantReviews.grant(household)}
      </Heading>
      <Paragraph>
        {t.grantReviews.by(grant.holder.name ?? t.grantReviews.someone, t.dateTime(grant.grantedAt), t.dateTime(grant.expiresAt))}
      </Paragraph>
      <Paragraph>{t.grantReviews.reason(grant.reason)}</Paragraph>
      <ErrorAlert error={error} ownWords />
      <ChoiceGroup id={`oordeel-${grant.id}`} legend={t.grantReviews.verdict} errorMessage={fieldErrors.verdict}>
        {VERDICTS.map((value) => (
          <Choice
            key={value}
            type="radio"
            name={`oordeel-${grant.id}`}
            id={`oordeel-${grant.id}-${value}`}
            label={t.grantReviews.verdicts[value]}
            checked={verdict === value}
            onChange={() => {
              setVerdict(value);
              edited('verdict');
            }}
          />
        ))}
      </ChoiceGroup>
      <TextareaField
        id={`toelichting-${grant.id}`}
        label={t.grantReviews.note}
        rows={2}
        maxLength={REVIEW_NOTE_MAX}
        value={note}
        errorMessage={fieldErrors.note}
        onChange={(e) => {
          setNote(inputValue(e));
          edited('note');
        }}
      />
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.grantReviews.save}
        </Button>
      </div>
    </form>
  );
}
