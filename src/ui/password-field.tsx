import { useState, type KeyboardEvent, type FocusEvent } from 'react';
import { Field, type FieldProps } from './field';

type PasswordFieldProps = Omit<FieldProps, 'type' | 'addon'>;

/**
 * A password input with a show/hide toggle and a Caps Lock warning while it has focus.
 * The toggle is a real button (keyboard and screen-reader reachable) that never submits.
 */
export function PasswordField({ onKeyDown, onKeyUp, onBlur, extra, ...props }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const [capsLock, setCapsLock] = useState(false);

  function trackCapsLock(event: KeyboardEvent<HTMLInputElement>) {
    setCapsLock(event.getModifierState('CapsLock'));
  }

  return (
    <Field
      {...props}
      type={visible ? 'text' : 'password'}
      spellCheck={false}
      autoCapitalize="none"
      onKeyDown={(event) => {
        trackCapsLock(event);
        onKeyDown?.(event);
      }}
      onKeyUp={(event) => {
        trackCapsLock(event);
        onKeyUp?.(event);
      }}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        setCapsLock(false);
        onBlur?.(event);
      }}
      addon={
        <button
          type="button"
          className="field-toggle"
          onClick={() => setVisible((current) => !current)}
        >
          {visible ? 'Hide' : 'Show'} <span className="visually-hidden">password</span>
        </button>
      }
      extra={
        <>
          {capsLock ? (
            <p className="field-warning" role="status">
              Caps Lock is on.
            </p>
          ) : null}
          {extra}
        </>
      }
    />
  );
}
