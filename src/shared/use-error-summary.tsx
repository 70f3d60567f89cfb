import { useEffect, useRef, useState } from 'react';
import {
  useFormState,
  type Control,
  type FieldErrors,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from 'react-hook-form';
import { ErrorSummary, type SummaryItem } from '../ui/error-summary';

type FieldIds<T extends FieldValues> = Partial<Record<Path<T>, string>>;

/**
 * Focus after a failed submit: one invalid field gets focus itself; several get a summary
 * at the top of the form, which takes focus and links to each. Use with
 * `useForm({ shouldFocusError: false })` and pass `onInvalid` to `handleSubmit`.
 *
 * `fields` maps each field name to the id of its input, in the order they appear. The
 * returned `summary` element reads the errors itself, so errors coming and going as the
 * user types re-render the summary, not the form.
 */
export function useErrorSummary<T extends FieldValues>(
  form: UseFormReturn<T>,
  fields: FieldIds<T>,
) {
  // Each failed submit with several invalid fields asks anew; 0 while there is none.
  const [request, setRequest] = useState(0);

  function onInvalid(invalid: FieldErrors<T>) {
    const names = (Object.keys(fields) as Path<T>[]).filter((name) => name in invalid);
    const [first] = names;
    if (names.length > 1) {
      setRequest((count) => count + 1);
    } else {
      setRequest(0);
      if (first) form.setFocus(first);
    }
  }

  return {
    summary: <ErrorSummaryFor control={form.control} fields={fields} request={request} />,
    onInvalid,
    hideSummary: () => setRequest(0),
  };
}

interface ErrorSummaryForProps<T extends FieldValues> {
  control: Control<T>;
  fields: FieldIds<T>;
  request: number;
}

function ErrorSummaryFor<T extends FieldValues>({
  control,
  fields,
  request,
}: ErrorSummaryForProps<T>) {
  const { errors } = useFormState({ control });
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusedRequest = useRef(0);

  const items: SummaryItem[] = (Object.keys(fields) as Path<T>[]).flatMap((name) => {
    const message = (errors as FieldErrors<FieldValues>)[name]?.message;
    const fieldId = fields[name];
    return typeof message === 'string' && fieldId ? [{ fieldId, message }] : [];
  });
  const visible = request > 0 && items.length > 0;

  // react-hook-form reports the failed submit before its errors reach the form state, so
  // the summary appears a render later: focus it once it is on screen, once per submit.
  useEffect(() => {
    if (!visible || focusedRequest.current === request) return;
    focusedRequest.current = request;
    summaryRef.current?.focus();
  }, [request, visible]);

  return visible ? <ErrorSummary items={items} ref={summaryRef} /> : null;
}
