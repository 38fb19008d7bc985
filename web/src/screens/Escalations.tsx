import { type FormEvent, useState } from 'react';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { ApiError, api, ok, type Schemas } from '../api.ts';
import { Alert, Button, Choice, ChoiceGroup, Heading, Paragraph, SelectField, SelectOption, TextareaField, TextField } from '../nlds.tsx';
import { useRouter } from '../router.tsx';
import { hasRole, type Session } from '../session.ts';
import { t } from '../texts.ts';
import { ErrorAlert, inputChecked, inputValue, ListTable, Loading, ScreenLink, useLoad, useProblem } from '../ui.tsx';

type Escalation = Schemas['Escalation'];
const euros = (text: string) => (text.trim() ? { amount: Number(text.replace(',', '.')), currency: 'EUR' as const } : undefined);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Doorbraken: the doorbraakteam's and budget holders' queue (GET /escalations), oldest first. */
export function EscalationQueue() {
  const queue = useLoad(async () => ok(await api.GET('/escalations', { params: { query: { limit: 100 } } })), '');
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

/** A coach or team leader asks the doorbraakteam for a tailored exception (POST /households/{id}/escalations). */
export function EscalationRequest({ householdId }: { householdId: string }) {
  const { navigate } = useRouter();
  const [blockage, setBlockage] = useState('');
  const [organisations, setOrganisations] = useState('');
  const [proposal, setProposal] = useState('');
  const [urgency, setUrgency] = useState<'normal' | 'high'>('normal');
  const [cost, setCost] = useState('');
  const { error, fieldErrors: fields, fail } = useProblem();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const money = euros(cost);
      const created = ok(
        await api.POST('/households/{id}/escalations', {
          params: { path: { id: householdId } },
          body: {
            blockage,
            organisations: organisations
              .split(',')
              .map((o) => o.trim())
              .filter(Boolean),
            proposal,
            urgency,
            ...(money ? { cost: money } : {}),
          },
        }),
      );
      navigate(`/doorbraken/${created.id}`);
    } catch (caught) {
      fail(caught);
    }
  };
  return (
    <form className="wt-stack" onSubmit={submit} noValidate>
      <Heading level={1}>{t.escalations.submit}</Heading>
      <ErrorAlert error={error} />
      <TextareaField
        id="veld-blockage"
        label={t.escalations.blockage}
        value={blockage}
        errorMessage={fields.blockage}
        onChange={(e) => setBlockage(inputValue(e))}
      />
      <TextField
        id="veld-organisations"
        label={t.escalations.organisations}
        value={organisations}
        errorMessage={fields.organisations}
        onChange={(e) => setOrganisations(inputValue(e))}
      />
      <TextareaField
        id="veld-proposal"
        label={t.escalations.proposal}
        value={proposal}
        errorMessage={fields.proposal}
        onChange={(e) => setProposal(inputValue(e))}
      />
      <SelectField
        id="veld-urgency"
        label={t.escalations.urgency}
        value={urgency}
        onChange={(e) => setUrgency(inputValue(e) as 'normal' | 'high')}
      >
        {(['normal', 'high'] as const).map((u) => (
          <SelectOption key={u} value={u}>
            {t.escalations.urgencies[u]}
          </SelectOption>
        ))}
      </SelectField>
      <TextField
        id="veld-cost"
        inputMode="decimal"
        label={t.escalations.cost}
        value={cost}
        errorMessage={fields['cost.amount']}
        onChange={(e) => setCost(inputValue(e))}
      />
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.escalations.send}
        </Button>
      </div>
    </form>
  );
}

/**
 * One doorbraak: the flow's state and history, and only the answer the flow waits for, to
 * whom may give it (rule 6: not the submitter's own decision, not the decider's budget).
 */
export function EscalationDetail({ escalationId, session }: { escalationId: string; session: Session }) {
  const loaded = useLoad(async () => ok(await api.GET('/escalations/{id}', { params: { path: { id: escalationId } } })), escalationId);
  const [shown, setShown] = useState<Escalation>();
  const [error, setError] = useState<unknown>();
  const escalation = shown ?? loaded.data;
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
      const fresh = ok(await api.GET('/escalations/{id}', { params: { path: { id: escalationId } } }));
      setShown(fresh);
      if (!fresh.pendingAnswer) return;
      await sleep(Math.min(250 * (i + 1), 2000));
    }
  };
  const me = session.userId;
  const canDecide = escalation.awaiting === 'decision' && hasRole(session, 'doorbraakteam') && escalation.submittedBy !== me;
  const canApproveBudget = escalation.awaiting === 'budget_approval' && hasRole(session, 'budgethouder') && escalation.decidedBy !== me;
  const canInform = escalation.awaiting === 'information' && escalation.submittedBy === me;
  const canEvaluate = escalation.awaiting === 'evaluation' && hasRole(session, 'wijkcoach', 'teamleider');
  const decided = ['approved', 'awaiting_evaluation', 'closed_resolved', 'closed_unresolved', 'rejected'].includes(escalation.status);
  const canPublish = decided && hasRole(session, 'doorbraakteam') && !escalation.precedentId;

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
      {canDecide && (
        <DecisionForm
          onAnswer={(body) => answered(() => api.POST('/escalations/{id}/decision', { params: { path: { id: escalationId } }, body }))}
        />
      )}
      {canApproveBudget && (
        <BudgetForm
          onAnswer={(body) =>
            answered(() => api.POST('/escalations/{id}/budget-approval', { params: { path: { id: escalationId } }, body }))
          }
        />
      )}
      {canInform && (
        <InformationForm
          onAnswer={(body) => answered(() => api.POST('/escalations/{id}/information', { params: { path: { id: escalationId } }, body }))}
        />
      )}
      {canEvaluate && (
        <EvaluationForm
          onAnswer={(body) => answered(() => api.POST('/escalations/{id}/evaluation', { params: { path: { id: escalationId } }, body }))}
        />
      )}
      {canPublish && (
        <PrecedentForm
          onPublish={async (body) => {
            const published = await api.POST('/escalations/{id}/precedent', { params: { path: { id: escalationId } }, body });
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
            {t.dateTime(h.at)}: {h.event} ({h.by}){h.note ? `: ${h.note}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

function DecisionForm({ onAnswer }: { onAnswer: (body: Schemas['Decision']) => Promise<void> }) {
  const [decision, setDecision] = useState<Schemas['Decision']['decision']>('approve');
  const [motivation, setMotivation] = useState('');
  const [cost, setCost] = useState('');
  return (
    <form
      className="wt-stack"
      aria-label={t.escalations.decide}
      onSubmit={(e) => {
        e.preventDefault();
        const money = decision === 'approve' ? euros(cost) : undefined;
        void onAnswer({ decision, motivation, ...(money ? { approvedCost: money } : {}) });
      }}
    >
      <ChoiceGroup legend={t.escalations.decision}>
        {(['approve', 'reject', 'request_info'] as const).map((d) => (
          <Choice
            key={d}
            type="radio"
            name="decision"
            value={d}
            label={t.escalations.decisions[d]}
            checked={decision === d}
            onChange={() => setDecision(d)}
          />
        ))}
      </ChoiceGroup>
      <TextareaField
        id="veld-motivation"
        label={t.escalations.motivation}
        value={motivation}
        onChange={(e) => setMotivation(inputValue(e))}
      />
      {decision === 'approve' && (
        <TextField
          id="veld-approvedCost"
          inputMode="decimal"
          label={t.escalations.approvedCost}
          value={cost}
          onChange={(e) => setCost(inputValue(e))}
        />
      )}
      <div className="wt-actions">
        <Button appearance="primary-action-button" type="submit">
          {t.escalations.decide}
        </Button>
      </div>
    </form>
  );
}

function BudgetForm({ onAnswer }: { onAnswer: (body: Schemas['BudgetApproval']) => Promise<void> }) {
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [motivation, setMotivation] = useState('');
  return (
    <form
      className="wt-stack"
      aria-label={t.escalations.approveBudget}
      onSubmit={(e) => {
        e.preventDefault();
        void onAnswer({ decision, motivation });
      }}
    >
      <ChoiceGroup legend={t.escalations.budget}>
        {(['approve', 'reject'] as const).map((d) => (
          <Choice
            key={d}
            type="radio"
            name="budget"
            value={d}
            label={t.escalations.budgetDecisions[d]}
            checked={decision === d}
            onChange={() => setDecision(d)}
          />
        ))}
      </ChoiceGroup>
      <TextareaField
        id="veld-budget-motivation"
        label={t.escalations.motivation}
        value={motivation}
        onChange={(e) => setMotivation(inputValue(e))}
      />
      <Button appearance="primary-action-button" type="submit">
        {t.escalations.approveBudget}
      </Button>
    </form>
  );
}

function InformationForm({ onAnswer }: { onAnswer: (body: Schemas['Information']) => Promise<void> }) {
  const [information, setInformation] = useState('');
  return (
    <form
      className="wt-stack"
      aria-label={t.escalations.giveInformation}
      onSubmit={(e) => {
        e.preventDefault();
        void onAnswer({ information });
      }}
    >
      <TextareaField
        id="veld-information"
        label={t.escalations.information}
        value={information}
        onChange={(e) => setInformation(inputValue(e))}
      />
      <Button appearance="primary-action-button" type="submit">
        {t.escalations.giveInformation}
      </Button>
    </form>
  );
}

function EvaluationForm({ onAnswer }: { onAnswer: (body: Schemas['Evaluation']) => Promise<void> }) {
  const [resolved, setResolved] = useState(true);
  const [note, setNote] = useState('');
  return (
    <form
      className="wt-stack"
      aria-label={t.escalations.evaluate}
      onSubmit={(e) => {
        e.preventDefault();
        void onAnswer({ resolved, note });
      }}
    >
      <Choice
        type="checkbox"
        id="veld-resolved"
        label={t.escalations.resolved}
        checked={resolved}
        onChange={(e) => setResolved(inputChecked(e))}
      />
      <TextareaField id="veld-evaluation-note" label={t.escalations.note} value={note} onChange={(e) => setNote(inputValue(e))} />
      <Button appearance="primary-action-button" type="submit">
        {t.escalations.evaluate}
      </Button>
    </form>
  );
}

function PrecedentForm({ onPublish }: { onPublish: (body: Schemas['PrecedentText']) => Promise<void> }) {
  const [summary, setSummary] = useState('');
  const [blockingRule, setBlockingRule] = useState('');
  const [organisations, setOrganisations] = useState('');
  const [domains, setDomains] = useState<Schemas['PrecedentText']['domains']>([]);
  const [solution, setSolution] = useState('');
  return (
    <form
      className="wt-stack"
      aria-label={t.escalations.publish}
      onSubmit={(e) => {
        e.preventDefault();
        void onPublish({
          summary,
          blockingRule,
          organisations: organisations
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
          domains,
          solution,
        });
      }}
    >
      <Heading level={2}>{t.escalations.publish}</Heading>
      <TextareaField id="veld-summary" label={t.escalations.summary} value={summary} onChange={(e) => setSummary(inputValue(e))} />
      <TextField
        id="veld-blockingRule"
        label={t.escalations.blockingRule}
        value={blockingRule}
        onChange={(e) => setBlockingRule(inputValue(e))}
      />
      <TextField
        id="veld-precedent-organisations"
        label={t.escalations.organisations}
        value={organisations}
        onChange={(e) => setOrganisations(inputValue(e))}
      />
      <ChoiceGroup legend={t.escalations.domains}>
        <div className="wt-grid">
          {LIFE_DOMAINS.map((d) => (
            <Choice
              key={d}
              type="checkbox"
              id={`veld-precedent-domain-${d}`}
              label={t.domains[d]}
              checked={domains.includes(d)}
              onChange={(e) => setDomains((all) => (inputChecked(e) ? [...all, d] : all.filter((x) => x !== d)))}
            />
          ))}
        </div>
      </ChoiceGroup>
      <TextareaField id="veld-solution" label={t.escalations.solution} value={solution} onChange={(e) => setSolution(inputValue(e))} />
      <Button appearance="primary-action-button" type="submit">
        {t.escalations.publish}
      </Button>
    </form>
  );
}
