import { Choice, ChoiceGroup } from '../../../components/nlds.tsx';
import { inputChecked } from '../../../components/ui.tsx';

/** Adds or takes out one value, keeping the options' order. */
const toggled = <T extends string>(options: readonly { value: T }[], chosen: readonly T[], value: T, on: boolean): T[] =>
  options.map((o) => o.value).filter((v) => (v === value ? on : chosen.includes(v)));

/** Checkboxes of a group (members, kinds of data, domains): a fieldset that names them, its error at the group. */
export function ChoiceList<T extends string>({
  id,
  legend,
  options,
  chosen,
  onChange,
  errorMessage,
}: {
  id: string;
  legend: string;
  options: readonly { value: T; label: string }[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  errorMessage?: string | undefined;
}) {
  return (
    <ChoiceGroup id={id} legend={legend} errorMessage={errorMessage}>
      <div className="wt-grid">
        {options.map((option) => (
          <Choice
            key={option.value}
            type="checkbox"
            id={`${id}-${option.value}`}
            label={option.label}
            checked={chosen.includes(option.value)}
            onChange={(e) => onChange(toggled(options, chosen, option.value, inputChecked(e)))}
          />
        ))}
      </div>
    </ChoiceGroup>
  );
}
