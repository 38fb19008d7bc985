import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type ParamInDutch, useProblem } from './ui.tsx';

/**
 * The first field a form marks invalid gets the focus, once React has drawn the errors: call
 * `focusFirstInvalid()` beside the state change that shows them (the focus follows in the effect
 * after that render, however React schedules it).
 */
export function useFocusFirstInvalid() {
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  return { form, focusFirstInvalid: () => setAttempt((n) => n + 1) };
}

/**
 * A correction form's submit, one way for all of them: the form's own checks first (nothing is
 * sent while one fails: the errors at their fields, the focus on the first); then one call at a
 * time; its refusal at the fields (in the form's own words where `refused` knows it, else by the
 * API's problem), the focus again on the first; saved, the errors go and `done` says what was saved.
 */
export function useCheckedSubmit<T>(
  inDutch: ParamInDutch,
  steps: {
    check: () => Record<string, string>;
    send: () => Promise<T>;
    done: (saved: T) => void;
    /** A refusal the form says at a field itself (a 409 of a taken address or BSN); undefined: the API's problem. */
    refused?: (caught: unknown) => Record<string, string> | undefined;
  },
) {
  const { error, fieldErrors, setFieldErrors, fail, clear } = useProblem(inDutch);
  const { form, focusFirstInvalid } = useFocusFirstInvalid();
  const saving = useRef(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving.current) return;
    const errors = steps.check();
    if (Object.keys(errors).length > 0) {
      clear();
      setFieldErrors(errors);
      focusFirstInvalid();
      return;
    }
    saving.current = true;
    try {
      const saved = await steps.send();
      clear();
      steps.done(saved);
    } catch (caught) {
      const atField = steps.refused?.(caught);
      if (atField) {
        clear();
        setFieldErrors(atField);
      } else fail(caught);
      focusFirstInvalid();
    } finally {
      saving.current = false;
    }
  };
  /** A field changed: its error goes. */
  const edited = (field: string) => {
    if (fieldErrors[field]) setFieldErrors(({ [field]: _fixed, ...rest }) => rest);
  };
  return { form, submit, error, fieldErrors, edited, clear };
}
