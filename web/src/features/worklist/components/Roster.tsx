import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '../../../components/nlds.tsx';
import { ListTable } from '../../../components/ui.tsx';
import { ApiError, type Schemas } from '../../../lib/api.ts';
import { t } from '../../../lib/texts.ts';
import { removeFromTeam } from '../api.ts';

type Member = Schemas['TeamMember'];

const removeId = (userId: string) => `teamlid-${userId}-weg`;
const CONFIRM_ID = 'teamlid-bevestigen';
const QUESTION_ID = 'teamlid-vraag';
const CONSEQUENCE_ID = 'teamlid-gevolg';
const MESSAGE_ID = 'teamlid-bericht';

export const nameOfMember = (member: Member) => member.name ?? t.unnamed;

/**
 * Why the API refused to take someone off the roster, in Dutch (never its English `detail`):
 * 404, they were no longer on it (another leader took them off, or they signed in without the
 * team); 403, the caller is not this team's leader.
 */
function refusalOf(error: unknown, name: string): string {
  if (error instanceof ApiError && error.status === 404) return t.teamWork.alreadyOff(name);
  if (error instanceof ApiError && error.status === 403) return t.teamWork.removeForbidden;
  return t.error;
}

/**
 * "Teamleden": the team's roster by name (never a user id), and for the team leader a person
 * taken off it (DELETE /teams/{id}/members/{userId}) after a confirmation that says what it
 * means (api.md "The roster": no longer to be appointed regisseur or coach, until they sign in
 * with the team again; as regisseur they stay on their households until a new one is
 * appointed). The API asks no reason and refuses no one on the roster, the leader themself
 * included: each is offered. What it says (done, or why not) takes the focus.
 */
export function Roster({
  teamId,
  roster,
  onChanged,
}: {
  teamId: string;
  roster: { data?: Member[]; error?: unknown; loading: boolean };
  onChanged: () => void;
}) {
  const [confirming, setConfirming] = useState<Member>();
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string }>();
  const [focus, setFocus] = useState<{ id: string; n: number }>();
  const busy = useRef(false);
  const focusOn = (id: string) => setFocus((f) => ({ id, n: (f?.n ?? 0) + 1 }));
  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);

  const members = [...(roster.data ?? [])].sort((a, b) => nameOfMember(a).localeCompare(nameOfMember(b), 'nl'));
  const ask = (member: Member) => {
    setMessage(undefined);
    setConfirming(member);
    focusOn(CONFIRM_ID);
  };
  const cancel = (member: Member) => {
    setConfirming(undefined);
    focusOn(removeId(member.userId));
  };
  const remove = async (member: Member) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await removeFromTeam(teamId, member.userId);
      setMessage({ type: 'ok', text: t.teamWork.removed(nameOfMember(member)) });
      onChanged();
    } catch (caught) {
      setMessage({ type: 'error', text: refusalOf(caught, nameOfMember(member)) });
      // Off the roster already (or otherwise changed): the list as the API has it now.
      onChanged();
    } finally {
      busy.current = false;
      setConfirming(undefined);
      focusOn(MESSAGE_ID);
    }
  };

  return (
    <section className="wt-stack" aria-labelledby="teamleden">
      <Heading level={2} id="teamleden">
        {t.teamWork.members}
      </Heading>
      <Paragraph>{t.teamWork.membersIntro}</Paragraph>
      {message && (
        <div id={MESSAGE_ID} tabIndex={-1}>
          <Alert type={message.type}>
            <Paragraph>{message.text}</Paragraph>
          </Alert>
        </div>
      )}
      <ListTable
        state={{ ...roster, data: roster.data ? members : undefined }}
        caption={t.teamWork.members}
        columns={[t.teamWork.memberName, t.teamWork.memberRoles, t.teamWork.lastSeen, t.teamWork.memberAction]}
        empty={t.teamWork.noMembers}
        rowKey={(member) => member.userId}
        cells={(member) => [
          nameOfMember(member),
          member.roles.map((role) => t.roles[role] ?? role).join(', '),
          t.date(member.lastSeenAt),
          <Button key="weg" appearance="subtle-button" id={removeId(member.userId)} onClick={() => ask(member)}>
            {t.teamWork.remove(nameOfMember(member))}
          </Button>,
        ]}
      />
      {confirming && (
        <div className="wt-stack">
          <Heading level={3} id={QUESTION_ID}>
            {t.teamWork.removeQuestion(nameOfMember(confirming))}
          </Heading>
          <Paragraph id={CONSEQUENCE_ID}>{t.teamWork.removeConsequence(nameOfMember(confirming))}</Paragraph>
          <div className="wt-actions">
            <Button
              appearance="primary-action-button"
              id={CONFIRM_ID}
              aria-describedby={`${QUESTION_ID} ${CONSEQUENCE_ID}`}
              onClick={() => void remove(confirming)}
            >
              {t.teamWork.removeConfirm}
            </Button>
            <Button appearance="subtle-button" onClick={() => cancel(confirming)}>
              {t.teamWork.cancel}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
