import { postcodeAsWritten } from '#shared/domain/names.ts';
import { Button, Heading, Paragraph } from '../../../components/nlds.tsx';
import { t } from '../../../lib/texts.ts';
import type { Dossier } from '../api.ts';
import { AddressForm } from './AddressForm.tsx';
import { useOpenForm } from './corrections.ts';
import { Saved } from './Saved.tsx';

const OPENER = 'adres-corrigeren';

/** The household's address, and (for whom the API lets correct it) its correction. */
export function HouseholdAddress({ household, corrects, onChanged }: { household: Dossier; corrects: boolean; onChanged: () => void }) {
  const form = useOpenForm<'address'>();
  const { postcode, houseNumber, houseNumberAddition } = household.address;
  return (
    <section className="wt-stack" aria-labelledby="kop-adres">
      <Heading level={2} id="kop-adres">
        {t.dossier.address}
      </Heading>
      <Paragraph>{`${postcodeAsWritten(postcode)} ${houseNumber}${houseNumberAddition ? ` ${houseNumberAddition}` : ''}`}</Paragraph>
      <Saved id="adres-opgeslagen" notice={form.notice} />
      {corrects &&
        (form.open ? (
          <AddressForm
            householdId={household.id}
            address={household.address}
            onSaved={() => {
              form.done(t.corrections.address.saved);
              onChanged();
            }}
            onCancel={form.cancel}
          />
        ) : (
          <div className="wt-actions">
            <Button id={OPENER} onClick={() => form.start('address', OPENER, 'veld-adres-postcode')}>
              {t.corrections.address.edit}
            </Button>
          </div>
        ))}
    </section>
  );
}
