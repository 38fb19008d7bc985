import {
  type ButtonHTMLAttributes,
  type ChangeEvent,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TableHTMLAttributes,
  type TdHTMLAttributes,
  type TextareaHTMLAttributes,
  type ThHTMLAttributes,
  useId,
} from 'react';

/**
 * Thin components over the NL Design System's CSS (the Utrecht components as the
 * Rijkshuisstijl community packages them, `@rijkshuisstijl-community/components-css`,
 * themed by design tokens). The community's React package is not tree-shakable: one Button
 * costs 60 kB gzipped and a Heading 160 kB, more than the client's whole first-load budget
 * (150 kB), so the markup and class names are written here, once, and the CSS does the rest.
 */
const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

export function Heading({
  level,
  appearance,
  children,
  ...rest
}: { level: 1 | 2 | 3 | 4; appearance?: 1 | 2 | 3 | 4 | 5 } & HTMLAttributes<HTMLHeadingElement>) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={cx('nl-heading', `nl-heading--level-${appearance ?? level}`, rest.className)} {...rest}>
      {children}
    </Tag>
  );
}

export const Paragraph = ({ className, ...rest }: HTMLAttributes<HTMLParagraphElement>) => (
  <p className={cx('nl-paragraph', className)} {...rest} />
);

export function Button({
  appearance = 'secondary-action-button',
  type = 'button',
  className,
  ...rest
}: { appearance?: 'primary-action-button' | 'secondary-action-button' | 'subtle-button' } & ButtonHTMLAttributes<HTMLButtonElement>) {
  const modifier = { 'primary-action-button': 'primary-action', 'secondary-action-button': 'secondary-action', 'subtle-button': 'subtle' }[
    appearance
  ];
  return (
    <button
      type={type}
      className={cx('utrecht-button', `utrecht-button--${modifier}`, type === 'submit' && 'utrecht-button--submit', className)}
      {...rest}
    />
  );
}

export function Alert({ type, children }: { type: 'error' | 'ok' | 'info' | 'warning'; children: ReactNode }) {
  return (
    <div className={cx('utrecht-alert', `utrecht-alert--${type}`)} role={type === 'error' ? 'alert' : 'status'}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

interface FieldProps {
  label: ReactNode;
  description?: ReactNode;
  errorMessage?: string | undefined;
  id?: string;
}

/** A labelled form field: its description and error message named by the control (aria-describedby), invalid when there is an error. */
function useField({ id, description, errorMessage }: FieldProps) {
  const generated = useId();
  const controlId = id ?? `veld${generated}`;
  const describedBy =
    [description && `${controlId}-beschrijving`, errorMessage && `${controlId}-fout`].filter(Boolean).join(' ') || undefined;
  return { controlId, describedBy, invalid: Boolean(errorMessage) };
}

function FieldShell({
  field,
  label,
  description,
  errorMessage,
  children,
}: FieldProps & { field: ReturnType<typeof useField>; children: ReactNode }) {
  return (
    <div className={cx('utrecht-form-field', field.invalid && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={field.controlId}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${field.controlId}-beschrijving`}>
          {description}
        </div>
      )}
      {errorMessage && (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${field.controlId}-fout`}>
          {errorMessage}
        </div>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

type Change<E> = { onChange?: (event: ChangeEvent<E>) => void };

/** What every form control of a field carries: its id, its classes (invalid when the field is), and what describes it. */
const controlOf = (
  field: ReturnType<typeof useField>,
  component: 'textbox' | 'textarea' | 'select',
  element: string,
  className?: string,
) => ({
  id: field.controlId,
  className: cx(
    `utrecht-${component}`,
    `utrecht-${component}--html-${element}`,
    field.invalid && `utrecht-${component}--invalid`,
    className,
  ),
  'aria-invalid': field.invalid || undefined,
  'aria-describedby': field.describedBy,
});

export function TextField({
  label,
  description,
  errorMessage,
  id,
  className,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const field = useField({ label, description, errorMessage, ...(id ? { id } : {}) });
  return (
    <FieldShell field={field} label={label} description={description} errorMessage={errorMessage}>
      <input {...controlOf(field, 'textbox', 'input', className)} {...input} />
    </FieldShell>
  );
}

export function TextareaField({
  label,
  description,
  errorMessage,
  id,
  className,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const field = useField({ label, description, errorMessage, ...(id ? { id } : {}) });
  return (
    <FieldShell field={field} label={label} description={description} errorMessage={errorMessage}>
      <textarea {...controlOf(field, 'textarea', 'textarea', className)} {...input} />
    </FieldShell>
  );
}

export function SelectField({
  label,
  description,
  errorMessage,
  id,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & Change<HTMLSelectElement>) {
  const field = useField({ label, description, errorMessage, ...(id ? { id } : {}) });
  return (
    <FieldShell field={field} label={label} description={description} errorMessage={errorMessage}>
      <select {...controlOf(field, 'select', 'select')} {...select}>
        {children}
      </select>
    </FieldShell>
  );
}

/** A group of checkboxes or radio buttons: a fieldset whose legend names the group. */
export function ChoiceGroup({
  legend,
  errorMessage,
  children,
  id,
}: {
  legend: ReactNode;
  errorMessage?: string | undefined;
  children: ReactNode;
  id?: string;
}) {
  const generated = useId();
  const groupId = id ?? `groep${generated}`;
  return (
    <fieldset
      id={groupId}
      className={cx('utrecht-form-fieldset', 'utrecht-form-fieldset--html-fieldset', errorMessage && 'utrecht-form-fieldset--invalid')}
      aria-invalid={errorMessage ? true : undefined}
      aria-describedby={errorMessage ? `${groupId}-fout` : undefined}
      tabIndex={errorMessage ? -1 : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {errorMessage && (
        <div className="utrecht-form-field-error-message" id={`${groupId}-fout`}>
          {errorMessage}
        </div>
      )}
      {children}
    </fieldset>
  );
}

export function Choice({
  type,
  label,
  id,
  ...input
}: { type: 'checkbox' | 'radio'; label: ReactNode; id?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const generated = useId();
  const controlId = id ?? `keuze${generated}`;
  const kind = type === 'checkbox' ? 'checkbox' : 'radio-button';
  return (
    <div className={cx('utrecht-form-field', `utrecht-form-field--${type}`)}>
      <div className="utrecht-form-field__input">
        <input id={controlId} type={type} className={cx(`utrecht-${kind}`, `utrecht-${kind}--html-input`)} {...input} />
      </div>
      <div className="utrecht-form-field__label">
        <label className={cx('utrecht-form-label', `utrecht-form-label--${type}`)} htmlFor={controlId}>
          {label}
        </label>
      </div>
    </div>
  );
}

export function Fieldset({
  legend,
  children,
  ...rest
}: { legend: ReactNode; children: ReactNode } & Omit<HTMLAttributes<HTMLFieldSetElement>, 'className'>) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" {...rest}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A table; a wide one (`scrollLabel`) scrolls in a region that the keyboard can reach and that says what it holds. */
export const Table = ({ className, scrollLabel, ...rest }: TableHTMLAttributes<HTMLTableElement> & { scrollLabel?: string }) => (
  <div
    className="utrecht-table-container utrecht-table-container--overflow-inline"
    {...(scrollLabel ? { role: 'region', 'aria-label': scrollLabel, tabIndex: 0 } : {})}
  >
    <table className={cx('utrecht-table', 'utrecht-table--html-table', className)} {...rest} />
  </div>
);
export const TableCaption = (props: HTMLAttributes<HTMLTableCaptionElement>) => <caption className="utrecht-table__caption" {...props} />;
export const TableHeader = (props: HTMLAttributes<HTMLTableSectionElement>) => <thead className="utrecht-table__header" {...props} />;
export const TableBody = (props: HTMLAttributes<HTMLTableSectionElement>) => <tbody className="utrecht-table__body" {...props} />;
export const TableRow = (props: HTMLAttributes<HTMLTableRowElement>) => <tr className="utrecht-table__row" {...props} />;
export const TableHeaderCell = (props: ThHTMLAttributes<HTMLTableCellElement>) => <th className="utrecht-table__header-cell" {...props} />;
export const TableCell = (props: TdHTMLAttributes<HTMLTableCellElement>) => <td className="utrecht-table__cell" {...props} />;

export const SelectOption = (props: React.OptionHTMLAttributes<HTMLOptionElement>) => <option {...props} />;

export const Link = ({ className, ...rest }: React.AnchorHTMLAttributes<HTMLAnchorElement>) => (
  <a className={cx('nl-link', className)} {...rest} />
);
