import { useState } from 'react';
import { LIFE_DOMAINS } from '#shared/domain/life-domains.ts';
import { Button, Choice, ChoiceGroup, Heading, TextareaField, TextField } from '../../../components/nlds.tsx';
import { inputChecked, inputValue } from '../../../components/ui.tsx';
import type { Schemas } from '../../../lib/api.ts';
import { t } from '../../../lib/texts.ts';

/** The doorbraakteam publishes a decided doorbraak as a precedent, in its own words (no personal data). */
export function PrecedentForm({ onPublish }: { onPublish: (body: Schemas['PrecedentText']) => Promise<void> }) {
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
