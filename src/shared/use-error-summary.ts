import { useEffect, useRef, useState } from 'react';
import type { FieldErrors, FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { SummaryItem } from '../ui/error-summary';

/**
 * Focus after a failed submit: one invalid field gets focus itself; several get a summary
 * at the top of the form, which takes focus and links to each. Use with
 * `useForm({ shouldFocusError: false })` and pass `onInvalid` to `handleSubmit`.
 *
 * `fields` maps each field name to the id of its input, in the order they appear.
 */
export function useErrorSummary<T extends FieldValues>(
  form: UseFormReturn<T>,
  fields: Partial<Record<Path<T>, string>>,
) {
  const [shown, setShown] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const { errors } = form.formState;

  const items: SummaryItem[] = (Object.keys(fields) as Path<T>[]).flatMap((name) => {
    const message = (errors as FieldErrors<FieldValues>)[name]?.message;
    const fieldId = fields[name];
    return typeof message === 'string' && fieldId ? [{ fieldId, message }] : [];
  });

  function onInvalid(invalid: FieldErrors<T>) {
    const names = (Object.keys(fields) as Path<T>[]).filter((name) => name in invalid);
    const [first] = names;
    if (names.length > 1) {
      setShown(true);
      setFocusRequest((count) => count + 1);
    } else {
      setShown(false);
      if (first) form.setFocus(first);
    }
  }

  const visible = shown && items.length > 0;
  // react-hook-form reports the failed submit before its errors reach formState, so the
  // summary appears a render later: focus it once it is on screen.
  useEffect(() => {
    if (focusRequest > 0 && visible) summaryRef.current?.focus();
  }, [focusRequest, visible]);

  return {
    summaryItems: visible ? items : [],
    summaryRef,
    onInvalid,
    hideSummary: () => setShown(false),
  };
}
