import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '../../components/nlds.tsx';
import { ErrorAlert, ListTable } from '../../components/ui.tsx';
import { ApiError } from '../../lib/api.ts';
import { t } from '../../lib/texts.ts';
import { agreeToMyPlan, type MyHousehold } from './api.ts';

/**
 * Mijn plan: the household's plan in plain words, goal by goal, who does what by when; and the
 * resident's own agreement to the version on the screen (409 when it changed meanwhile: said,
 * and the new version shown).
 */
export function MyPlan({ household, onChanged }: { household: MyHousehold; onChanged: () => void }) {
  const { plan } = household;
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const agree = async (version: number) => {
    setBusy(true);
    try {
      await agreeToMyPlan(version);
      setError(undefined);
      setNotice(t.resident.plan.agreedNow);
    } catch (caught) {
      setNotice(undefined);
      setError(caught);
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  const toAgree = plan && plan.status !== 'closed' && (plan.status === 'draft' || plan.changedSinceAgreement === true);
  return (
    <div className="wt-stack">
      <Heading level={1}>{t.resident.plan.title}</Heading>
      {notice && (
        <Alert type="ok">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {error instanceof ApiError && error.status === 409 ? (
        <Alert type="warning">
          <Paragraph>{t.resident.plan.changedMeanwhile}</Paragraph>
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
      {!plan && <Paragraph>{t.resident.plan.none}</Paragraph>}
      {plan && (
        <>
          <Paragraph>
            {plan.status === 'closed'
              ? t.resident.plan.closed
              : plan.status === 'draft'
                ? t.resident.plan.draft
                : plan.changedSinceAgreement
                  ? t.resident.plan.changed
                  : plan.agreedAt && plan.agreedVia === 'digid' && plan.agreedBy === household.me.name
                    ? t.resident.plan.agreedByYou(t.date(plan.agreedAt))
                    : plan.agreedAt
                      ? t.resident.plan.agreed(plan.agreedBy ?? '', t.date(plan.agreedAt))
                      : ''}
          </Paragraph>
          {plan.goals.map((goal, i) => (
            <section key={`${goal.domain}|${goal.description}`} className="wt-stack" aria-labelledby={`kop-doel-${i}`}>
              <Heading level={2} id={`kop-doel-${i}`}>
                {t.resident.plan.goal(i + 1, t.domains[goal.domain] ?? goal.domain)}
              </Heading>
              <Paragraph>{goal.description}</Paragraph>
              <ListTable
                state={{ data: goal.actions, loading: false }}
                columns={[t.resident.plan.action, t.resident.plan.who, t.resident.plan.due, t.resident.plan.status]}
                empty={t.resident.plan.noActions}
                rowKey={(action) => action.id}
                cells={(action) => [
                  action.description,
                  action.who,
                  t.date(action.dueDate),
                  action.status === 'done' ? t.resident.plan.done : t.resident.plan.open,
                ]}
              />
            </section>
          ))}
          {plan.status !== 'closed' && <Paragraph>{t.resident.plan.evaluation(t.date(plan.evaluationDate))}</Paragraph>}
          {toAgree && (
            <div className="wt-stack">
              <Paragraph>{t.resident.plan.agreeHint}</Paragraph>
              <div>
                <Button appearance="primary-action-button" disabled={busy} onClick={() => void agree(plan.version)}>
                  {t.resident.plan.agree}
                </Button>
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}
