import { Heading, Paragraph } from '../../components/nlds.tsx';
import { t } from '../../lib/texts.ts';
import type { MyHousehold } from './api.ts';

/** Mijn netwerk: the regisseur and the team by name, who else helps, and the household's members. */
export function MyNetwork({ household }: { household: MyHousehold }) {
  const { regisseur, team, involved, members } = household;
  return (
    <div className="wt-stack">
      <Heading level={1}>{t.resident.network.title}</Heading>
      <Paragraph>{t.resident.network.intro}</Paragraph>
      <section className="wt-stack" aria-labelledby="kop-regisseur">
        <Heading level={2} id="kop-regisseur">
          {t.resident.network.regisseur}
        </Heading>
        <Paragraph>
          {regisseur ? t.resident.network.regisseurIs(regisseur.name ?? t.resident.network.someone) : t.resident.network.noRegisseur}
        </Paragraph>
        <Paragraph>{t.resident.network.team(team.name)}</Paragraph>
      </section>
      <section className="wt-stack" aria-labelledby="kop-helpers">
        <Heading level={2} id="kop-helpers">
          {t.resident.network.helpers}
        </Heading>
        {involved.length === 0 ? (
          <Paragraph>{t.resident.network.noHelpers}</Paragraph>
        ) : (
          <ul>
            {involved.map((party) => (
              <li key={`${party.name}|${party.organisation ?? ''}|${party.role ?? ''}`}>
                {[party.name, party.role, party.organisation].filter(Boolean).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="wt-stack" aria-labelledby="kop-huishouden">
        <Heading level={2} id="kop-huishouden">
          {t.resident.network.household}
        </Heading>
        <ul>
          {members.map((member) => (
            <li key={member.memberId}>
              {member.name}, {t.resident.network.born(t.date(member.birthDate))}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
