import { useState } from 'react';
import {
  type Actor,
  approvesBudgetOf,
  CASE_WORKERS,
  DOORBRAAKTEAM,
  decidesEscalation,
  hasAnyRole,
  informsEscalation,
} from '#shared/domain/access.ts';
import { Alert, Heading, Paragraph } from '../../components/nlds.tsx';
import { ErrorAlert, Loading, useLoad } from '../../components/ui.tsx';
import { ApiError, type Schemas } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { approveBudget, decide, evaluate, getEscalation, getRoster, giveInformation, publishPrecedent } from './api.ts';
import { BudgetForm } from './components/BudgetForm.tsx';
import { DecisionForm } from './components/DecisionForm.tsx';
import { EvaluationForm } from './components/EvaluationForm.tsx';
import { InformationForm } from './components/InformationForm.tsx';
import { PrecedentForm } from './components/PrecedentForm.tsx';

type Escalation = Schemas['Escalation'];
/** The history's `by` for what the flow does by itself (`FLOW_ACTOR` of shared/domain/escalation.ts, not a module the web imports). */
const FLOW_ACTOR = 'doorbraak-flow';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One doorbraak: the flow's state and history, and only the answer the flow waits for, to
 * whom may give it (rule 6: not the submitter's own decision, not the decider's budget).
 */
export function EscalationDetail({ escalationId, actor }: { escalationId: string; actor: Actor }) {
  // The doorbraak and, beside it, the rosters the reader may read (the household's team, the reader's own): its history by name.
  const loaded = useLoad(async () => {
    const escalation = await getEscalation(escalationId);
    const rosters = await Promise.all([...new Set([escalation.teamId, ...actor.teams])].map(getRoster));
    return { escalation, people: new Map(rosters.flat().map((m) => [m.userId, m.name])) };
  }, escalationId);
  const [shown, setShown] = useState<Escalation>();
  const [error, setError] = useState<unknown>();
  const escalation = shown ?? loaded.data?.escalation;
  /** Who did a step: the flow by itself, a professional by name from a roster, else a role word: never a user id. */
  const byWhom = (by: string) => (by === FLOW_ACTOR ? t.escalations.flowActor : (loaded.data?.people.get(by) ?? t.escalations.someone));
  /** A person's note as they wrote it; the flow's own notes (the API's, in English) in the client's Dutch words by event. */
  const noteOf = (h: Escalation['history'][number]) => (h.by === FLOW_ACTOR ? t.escalations.flowNotes[h.event] : h.note);
  if (loaded.loading && !escalation) return <Loading />;
  if (!escalation) return <ErrorAlert error={loaded.error} />;

  /** After a 202 the flow takes the answer a moment later: read until it has. */
  const answered = async (send: () => Promise<{ response: Response; error?: unknown }>) => {
    setError(undefined);
    const answer = await send();
    if (!answer.response.ok) {
      setError(new ApiError(answer.response.status, answer.error as Schemas['Problem']));
      return;
    }
    // Read again, less often as time goes on, for up to a minute; the notice says the answer is on its way meanwhile.
    for (let i = 0; i < 40; i++) {
      const fresh = await getEscalation(escalationId);
      setShown(fresh);
      if (!fresh.pendingAnswer) return;
      await sleep(Math.min(250 * (i + 1), 2000));
    }
  };
  const canDecide = escalation.awaiting === 'decision' && decidesEscalation(actor, escalation);
  const canApproveBudget = escalation.awaiting === 'budget_approval' && approvesBudgetOf(actor, escalation);
  const canInform = escalation.awaiting === 'information' && informsEscalation(actor, escalation);
  // The escalation does not say who the household's regisseur is: the screen offers the evaluation to case workers, the API decides.
  const canEvaluate = escalation.awaiting === 'evaluation' && hasAnyRole(actor, CASE_WORKERS);
  const decided = ['approved', 'awaiting_evaluation', 'closed_resolved', 'closed_unresolved', 'rejected'].includes(escalation.status);
  const canPublish = decided && hasAnyRole(actor, DOORBRAAKTEAM) && !escalation.precedentId;

  return (
    <div className="wt-stack">
      <Heading level={1}>{escalation.blockage}</Heading>
      <dl className="wt-grid">
        <div>
          <dt>{t.escalations.status}</dt>
          <dd>
            {t.escalations.statuses[escalation.status]}
            {escalation.overdue && <span className="wt-overdue"> ({t.escalations.overdue})</span>}
          </dd>
        </div>
        <div>
          <dt>{t.escalations.organisationsTerm}</dt>
          <dd>{escalation.organisations.join(', ')}</dd>
        </div>
        <div>
          <dt>{t.escalations.costTerm}</dt>
          <dd>{escalation.cost ? t.money(escalation.cost.amount) : '—'}</dd>
        </div>
      </dl>
      <Heading level={2}>{t.escalations.proposal}</Heading>
      <Paragraph className="wt-story">{escalation.proposal}</Paragraph>
      {escalation.pendingAnswer && <Alert type="info">{t.escalations.pending}</Alert>}
      <ErrorAlert error={error} />
      {canDecide && <DecisionForm onAnswer={(body) => answered(() => decide(escalationId, body))} />}
      {canApproveBudget && <BudgetForm onAnswer={(body) => answered(() => approveBudget(escalationId, body))} />}
      {canInform && <InformationForm onAnswer={(body) => answered(() => giveInformation(escalationId, body))} />}
      {canEvaluate && <EvaluationForm onAnswer={(body) => answered(() => evaluate(escalationId, body))} />}
      {canPublish && (
        <PrecedentForm
          onPublish={async (body) => {
            const published = await publishPrecedent(escalationId, body);
            if (!published.response.ok) return setError(new ApiError(published.response.status, published.error as Schemas['Problem']));
            setShown({ ...escalation, precedentId: published.data?.id ?? '' });
          }}
        />
      )}
      {escalation.precedentId && <Alert type="ok">{t.escalations.published}</Alert>}
      <Heading level={2}>{t.escalations.history}</Heading>
      <ul>
        {escalation.history.map((h) => (
          <li key={`${h.at}-${h.event}`}>
            {t.dateTime(h.at)}: {t.escalations.events[h.event] ?? t.escalations.statuses[h.event] ?? h.event} ({byWhom(h.by)})
            {noteOf(h) ? `: ${noteOf(h)}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
