import { type FormEvent, useState } from 'react';
import { type Actor, CASE_WORKERS, completesPlanAction, directsCase, hasAnyRole } from '#shared/domain/access.ts';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { householdName } from '#shared/domain/names.ts';
import {
  Alert,
  Button,
  Choice,
  Fieldset,
  Heading,
  Paragraph,
  SelectField,
  SelectOption,
  TextareaField,
  TextField,
} from '../../components/nlds.tsx';
import { ErrorAlert, inputChecked, inputValue, Loading, ScreenLink, useFocusOnHash, useLoad, useProblem } from '../../components/ui.tsx';
import { ApiError, type Schemas } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { agreePlan, completeAction, getHousehold, getLatestPlan, getPlan, getRoster, savePlan } from './api.ts';
import { Conflict } from './components/Conflict.tsx';

type Plan = Schemas['Plan'];
type Content = Schemas['PlanContent'];
type Goal = Content['goals'][number];
type Action = Goal['actions'][number];

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const newAction = (): Action => ({ description: '', organisation: '', dueDate: inAMonth() });
const newGoal = (): Goal => ({ domain: 'finances', description: '', actions: [] });

/** The plan as the form edits it: the content, with each kept action's id and status. */
const contentOf = (plan: Plan): Content => ({
  evaluationDate: plan.evaluationDate,
  goals: plan.goals.map((goal) => ({
    domain: goal.domain,
    description: goal.description,
    actions: goal.actions.map((a) => ({
      id: a.id,
      status: a.status,
      description: a.description,
      organisation: a.organisation,
      dueDate: a.dueDate,
      ...(a.ownerId ? { ownerId: a.ownerId } : {}),
      ...(a.involvedId ? { involvedId: a.involvedId } : {}),
    })),
  })),
});

/** This person's content, to save on top of another version: an action that version no longer has is saved as a new one (its done status kept). */
function onTopOf(content: Content, theirs: Plan): Content {
  const known = new Set(theirs.goals.flatMap((goal) => goal.actions.map((a) => a.id)));
  return {
    ...content,
    goals: content.goals.map((goal) => ({
      ...goal,
      actions: goal.actions.map(({ id, ...action }) => (id && known.has(id) ? { id, ...action } : action)),
    })),
  };
}

/** The action marked done, in the form too: a later save of the whole plan must not open it again. */
const doneIn = (content: Content, actionId: string): Content => ({
  ...content,
  goals: content.goals.map((goal) => ({
    ...goal,
    actions: goal.actions.map((action) => (action.id === actionId ? { ...action, status: 'done' } : action)),
  })),
});

/**
 * The plan (one household, one plan): goals per life domain with their actions. Saved with the
 * ETag it was read with; when someone else saved in between (412), their version is shown and
 * the form keeps yours, to save on top of theirs: nothing is lost. An action's owner is picked by
 * name from the household team's roster. A task opens the plan at its action (`#actie-…`), where
 * its owner or the regisseur completes it. What the API would refuse is not offered, and the
 * screen says why: the plan is made by whoever directs the case (`directsCase`) once there is a
 * regisseur, changed by the team's case workers, agreed by whoever directs the case. One round
 * trip to open: the plan, the household and the rosters side by side.
 */
export function PlanEditor({ householdId, actor }: { householdId: string; actor: Actor }) {
  const loaded = useLoad(async () => {
    const [read, household, rosters] = await Promise.all([
      getPlan(householdId),
      getHousehold(householdId),
      Promise.all(actor.teams.map(getRoster)),
    ]);
    const roster = (rosters.find((r) => r.teamId === household.teamId)?.members ?? []).sort((a, b) =>
      (a.name ?? '').localeCompare(b.name ?? '', 'nl'),
    );
    return { read, household, roster };
  }, householdId);
  const [base, setBase] = useState<{ plan?: Plan; etag?: string }>();
  const [content, setContent] = useState<Content>();
  const [theirs, setTheirs] = useState<Plan>();
  const { error, fieldErrors, fail, clear } = useProblem();
  const [saved, setSaved] = useState(false);
  const [agreedBy, setAgreedBy] = useState('');
  const [completed, setCompleted] = useState<{ actionId: string; description: string }>();
  const completion = useProblem();
  useFocusOnHash(loaded.data !== undefined);

  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ErrorAlert error={loaded.error} />;
  const { household, roster } = loaded.data;
  const current = base ?? loaded.data.read;
  const nameOf = (userId: string) => roster.find((m) => m.userId === userId)?.name;
  const regisseur = household.regisseur ? (household.regisseur.name ?? t.unnamed) : undefined;
  const directs = directsCase(actor, household);
  // What the API would refuse (plans.ts): a new plan needs a regisseur and whoever directs the
  // case; a plan is changed by the team's case workers; a closed one not at all.
  const readOnlyBecause = household.breakGlass
    ? t.breakGlass.readOnly
    : !hasAnyRole(actor, CASE_WORKERS)
      ? t.plan.onlyCaseWorkers
      : current.plan
        ? undefined
        : household.status !== 'open'
          ? t.plan.householdClosed
          : !regisseur
            ? t.plan.needsRegisseur
            : !directs
              ? t.plan.onlyDirectorCreates(regisseur)
              : undefined;
  const form = content ?? (current.plan ? contentOf(current.plan) : { evaluationDate: inAMonth(), goals: [newGoal()] });
  const edit = (change: (c: Content) => Content) => {
    setSaved(false);
    setContent(change(structuredClone(form)));
  };
  const editGoal = (g: number, change: Partial<Goal>) =>
    edit((c) => ({ ...c, goals: c.goals.map((goal, i) => (i === g ? { ...goal, ...change } : goal)) }));
  const editAction = (g: number, a: number, change: Partial<Action>) =>
    edit((c) => ({
      ...c,
      goals: c.goals.map((goal, i) =>
        i === g ? { ...goal, actions: goal.actions.map((action, j) => (j === a ? { ...action, ...change } : action)) } : goal,
      ),
    }));
  const readOnly = current.plan?.status === 'closed' || readOnlyBecause !== undefined;
  /** The action as saved: who owns it and whether it is done are the saved plan's, not the form's. */
  const savedAction = (id: string | undefined) =>
    current.plan?.goals.flatMap((goal) => goal.actions).find((action) => id !== undefined && action.id === id);
  // An action is completed by its owner or the household's regisseur, once the household agreed to the plan.
  const completes = (action: Schemas['PlanAction'] | undefined) =>
    current.plan?.status === 'active' && action?.status === 'open' && completesPlanAction(actor, action, household);

  const complete = async (action: Schemas['PlanAction']) => {
    completion.clear();
    setCompleted(undefined);
    try {
      setBase(await completeAction(householdId, action.id));
      if (content) setContent(doneIn(content, action.id));
      setCompleted({ actionId: action.id, description: action.description });
      // The button is gone: the focus stays with the action, where the confirmation is.
      requestAnimationFrame(() => document.getElementById(`actie-${action.id}`)?.focus());
    } catch (caught) {
      completion.fail(caught);
      setCompleted({ actionId: action.id, description: action.description });
    }
  };

  const save = async (event?: FormEvent, chosen: Content = form) => {
    event?.preventDefault();
    clear();
    try {
      setBase(await savePlan(householdId, chosen, current));
      setContent(undefined);
      setTheirs(undefined);
      setSaved(true);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) {
        // Someone saved in between: show their version; the form keeps this person's.
        const latest = await getLatestPlan(householdId);
        setTheirs(latest.plan);
        setBase(latest);
        setContent(onTopOf(chosen, latest.plan));
        return;
      }
      fail(caught);
    }
  };

  const agree = async (event: FormEvent) => {
    event.preventDefault();
    // A new try starts clean: an earlier refusal is not left beside what now succeeds.
    clear();
    setSaved(false);
    try {
      setBase(await agreePlan(householdId, agreedBy));
      setContent(undefined);
    } catch (caught) {
      fail(caught);
    }
  };

  return (
    <div className="wt-stack">
      <Heading level={1}>{t.plan.title}</Heading>
      <Paragraph>
        <ScreenLink to={`/huishoudens/${householdId}`}>
          {t.dossier.title}: {householdName(household)}
        </ScreenLink>
        {current.plan && (
          <>
            {' '}
            · {t.plan.status}: {t.plan.statuses[current.plan.status]} · versie {current.plan.version} ·{' '}
            <ScreenLink to={`/huishoudens/${householdId}/plan/afdrukken`}>{t.printPlan.open}</ScreenLink>
          </>
        )}
      </Paragraph>
      {!current.plan && <Paragraph>{t.plan.none}</Paragraph>}
      {readOnlyBecause && <Paragraph>{readOnlyBecause}</Paragraph>}
      {saved && <Alert type="ok">{t.plan.saved}</Alert>}
      {current.plan?.agreement ? (
        <Paragraph>
          {t.plan.agreedVersion(current.plan.agreement.by, current.plan.agreement.version, t.dateTime(current.plan.agreement.at))}
        </Paragraph>
      ) : (
        current.plan?.agreedBy && <Paragraph>{t.plan.agreed(current.plan.agreedBy)}</Paragraph>
      )}
      {current.plan?.changedSinceAgreement && <Paragraph>{t.plan.changedSinceAgreement}</Paragraph>}
      {(current.plan?.doorbraken ?? []).length > 0 && (
        <section aria-labelledby="doorbraken-op-plan">
          <Heading level={2} id="doorbraken-op-plan">
            {t.plan.doorbraken}
          </Heading>
          <ul>
            {(current.plan?.doorbraken ?? []).map((d) => (
              <li key={d.escalationId}>
                <ScreenLink to={`/doorbraken/${d.escalationId}`}>{d.proposal}</ScreenLink>
                {' · '}
                {t.plan.doorbraakApproved(t.date(d.approvedAt.slice(0, 10)), d.organisations.join(', '))}
                {d.approvedCost && ` · ${t.plan.doorbraakCost(t.money(d.approvedCost.amount))}`}
                {' · '}
                {t.plan.doorbraakEvaluate(t.date(d.evaluateAt.slice(0, 10)))}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ErrorAlert error={error} />
      <form className="wt-stack" onSubmit={save} noValidate>
        <TextField
          id="veld-evaluationDate"
          type="date"
          label={t.plan.evaluationDate}
          value={form.evaluationDate}
          disabled={readOnly}
          errorMessage={fieldErrors.evaluationDate}
          onChange={(e) => edit((c) => ({ ...c, evaluationDate: inputValue(e) }))}
        />
        {form.goals.map((goal, g) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: goals have no id; their place is their name here ("Doel 2")
          <Fieldset key={g} legend={t.plan.goal(g + 1)}>
            <SelectField
              id={`veld-goals-${g}-domain`}
              label={t.plan.domain}
              value={goal.domain}
              disabled={readOnly}
              onChange={(e) => editGoal(g, { domain: inputValue(e) as Goal['domain'] })}
            >
              {LIFE_DOMAINS.map((d) => (
                <SelectOption key={d} value={d}>
                  {t.domains[d]}
                </SelectOption>
              ))}
            </SelectField>
            <TextareaField
              id={`veld-goals-${g}-description`}
              label={t.plan.description}
              value={goal.description}
              disabled={readOnly}
              errorMessage={fieldErrors[`goals.${g}.description`]}
              onChange={(e) => editGoal(g, { description: inputValue(e) })}
            />
            {goal.actions.map((action, a) => {
              const stored = savedAction(action.id);
              return (
                <Fieldset
                  key={action.id ?? `new-${a}`}
                  legend={t.plan.action(g + 1, a + 1)}
                  {...(action.id ? { id: `actie-${action.id}`, tabIndex: -1 } : {})}
                >
                  {stored &&
                    completed?.actionId === stored.id &&
                    (completion.error ? (
                      <ErrorAlert error={completion.error} />
                    ) : (
                      <Alert type="ok">
                        <Paragraph>{t.plan.completed(completed.description)}</Paragraph>
                      </Alert>
                    ))}
                  {stored && completes(stored) && (
                    <div className="wt-actions">
                      <Button appearance="primary-action-button" onClick={() => void complete(stored)}>
                        {t.plan.complete(g + 1, a + 1)}
                      </Button>
                    </div>
                  )}
                  {stored?.status === 'done' && stored.doneAt && <Paragraph>{t.plan.doneOn(t.dateTime(stored.doneAt))}</Paragraph>}
                  <div className="wt-grid">
                    <TextField
                      id={`veld-goals-${g}-actions-${a}-description`}
                      label={t.plan.description}
                      value={action.description}
                      disabled={readOnly}
                      onChange={(e) => editAction(g, a, { description: inputValue(e) })}
                    />
                    {household.involved.length > 0 && (
                      <SelectField
                        id={`veld-goals-${g}-actions-${a}-involvedId`}
                        label={t.plan.involved}
                        value={action.involvedId ?? ''}
                        disabled={readOnly}
                        errorMessage={fieldErrors[`goals.${g}.actions.${a}.involvedId`]}
                        onChange={(e) => {
                          const party = household.involved.find((p) => p.id === inputValue(e));
                          // The organisation follows from the party (the API sets it so); without one it is written again.
                          editAction(
                            g,
                            a,
                            party ? { involvedId: party.id, organisation: party.organisation ?? party.name } : { involvedId: undefined },
                          );
                        }}
                      >
                        <SelectOption value="">{t.plan.noInvolved}</SelectOption>
                        {action.involvedId && !household.involved.some((p) => p.id === action.involvedId) && (
                          <SelectOption value={action.involvedId}>{t.network.former}</SelectOption>
                        )}
                        {household.involved.map((p) => (
                          <SelectOption key={p.id} value={p.id}>
                            {t.plan.involvedOption(p.name, p.organisation)}
                          </SelectOption>
                        ))}
                      </SelectField>
                    )}
                    <TextField
                      id={`veld-goals-${g}-actions-${a}-organisation`}
                      label={t.plan.organisation}
                      description={action.involvedId ? t.plan.organisationOfParty : undefined}
                      value={action.organisation ?? ''}
                      disabled={readOnly || action.involvedId !== undefined}
                      errorMessage={fieldErrors[`goals.${g}.actions.${a}.organisation`]}
                      onChange={(e) => editAction(g, a, { organisation: inputValue(e) })}
                    />
                    <SelectField
                      id={`veld-goals-${g}-actions-${a}-ownerId`}
                      label={t.plan.owner}
                      value={action.ownerId ?? ''}
                      disabled={readOnly}
                      errorMessage={fieldErrors[`goals.${g}.actions.${a}.ownerId`]}
                      onChange={(e) => editAction(g, a, { ownerId: inputValue(e) || undefined })}
                    >
                      <SelectOption value="">{t.plan.noOwner}</SelectOption>
                      {action.ownerId && !roster.some((m) => m.userId === action.ownerId) && (
                        <SelectOption value={action.ownerId}>{t.plan.ownerOffRoster}</SelectOption>
                      )}
                      {roster.map((m) => (
                        <SelectOption key={m.userId} value={m.userId}>
                          {t.plan.ownerOption(m.name ?? t.unnamed, m.roles.map((role) => t.roles[role] ?? role).join(', '))}
                        </SelectOption>
                      ))}
                    </SelectField>
                    <TextField
                      id={`veld-goals-${g}-actions-${a}-dueDate`}
                      type="date"
                      label={t.plan.dueDate}
                      value={action.dueDate}
                      disabled={readOnly}
                      onChange={(e) => editAction(g, a, { dueDate: inputValue(e) })}
                    />
                  </div>
                  <Choice
                    type="checkbox"
                    id={`veld-goals-${g}-actions-${a}-done`}
                    label={t.plan.done}
                    checked={action.status === 'done'}
                    disabled={readOnly}
                    onChange={(e) => editAction(g, a, { status: inputChecked(e) ? 'done' : 'open' })}
                  />
                  {!readOnly && (
                    <Button appearance="subtle-button" onClick={() => editGoal(g, { actions: goal.actions.filter((_, j) => j !== a) })}>
                      {t.plan.removeAction(g + 1, a + 1)}
                    </Button>
                  )}
                </Fieldset>
              );
            })}
            {!readOnly && (
              <div className="wt-actions">
                <Button onClick={() => editGoal(g, { actions: [...goal.actions, newAction()] })}>{t.plan.addAction(g + 1)}</Button>
                {form.goals.length > 1 && (
                  <Button appearance="subtle-button" onClick={() => edit((c) => ({ ...c, goals: c.goals.filter((_, i) => i !== g) }))}>
                    {t.plan.removeGoal(g + 1)}
                  </Button>
                )}
              </div>
            )}
          </Fieldset>
        ))}
        {!readOnly && (
          <div className="wt-actions">
            <Button onClick={() => edit((c) => ({ ...c, goals: [...c.goals, newGoal()] }))}>{t.plan.addGoal}</Button>
            <Button appearance="primary-action-button" type="submit">
              {t.plan.save}
            </Button>
          </div>
        )}
      </form>
      {theirs && (
        <Conflict
          key={theirs.version}
          theirs={theirs}
          myEvaluationDate={form.evaluationDate}
          nameOf={nameOf}
          onKeepMine={(evaluationDate) => void save(undefined, { ...form, evaluationDate })}
        />
      )}
      {(current.plan?.status === 'draft' || (current.plan?.status === 'active' && current.plan.changedSinceAgreement)) &&
        !content &&
        (directs ? (
          <form className="wt-actions" onSubmit={agree}>
            <TextField id="veld-agreedBy" label={t.plan.agreedBy} value={agreedBy} onChange={(e) => setAgreedBy(inputValue(e))} />
            <Button appearance="primary-action-button" type="submit">
              {t.plan.agree}
            </Button>
          </form>
        ) : (
          <Paragraph>{t.plan.onlyDirectorAgrees(regisseur)}</Paragraph>
        ))}
    </div>
  );
}
