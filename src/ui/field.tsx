import { useId, type FocusEvent, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
  /** Rendered after the input inside the same row, e.g. a show/hide toggle. */
  addon?: ReactNode;
  /** Rendered under the input, e.g. a Caps Lock warning or a strength meter. */
  extra?: ReactNode;
}

/**
 * Whether focus is leaving for this form's submit button. Validating on that blur would
 * show an error above the button between mouse-down and mouse-up, moving the button away
 * from the pointer and losing the click; the submit validates every field anyway.
 */
function leavingForSubmit(event: FocusEvent<HTMLInputElement>): boolean {
  const next = event.relatedTarget;
  return (
    next instanceof HTMLButtonElement &&
    next.type === 'submit' &&
    next.form === event.currentTarget.form
  );
}

/**
 * A labelled input whose hint and error are tied to it (`aria-describedby`), and which
 * says it is invalid (`aria-invalid`) only when it has an error to show.
 */
export function Field({
  label,
  error,
  hint,
  addon,
  extra,
  id,
  ref,
  onBlur,
  ...inputProps
}: FieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="field-control">
        <input
          ref={ref}
          id={inputId}
          className="field-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...inputProps}
          onBlur={(event) => {
            if (!leavingForSubmit(event)) onBlur?.(event);
          }}
        />
        {addon}
      </div>
      {extra}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
