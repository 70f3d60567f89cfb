import type { ReactNode } from 'react';
import {
  get,
  useFormState,
  type Control,
  type FieldError,
  type FieldValues,
  type Path,
} from 'react-hook-form';

interface WithFieldErrorProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  /** Renders the field with its error message, if any. */
  children: (error: string | undefined) => ReactNode;
}

/**
 * One field with its error, subscribed to that field's error alone: when it comes or
 * goes, this field re-renders, not the form around it.
 */
export function WithFieldError<T extends FieldValues>({
  control,
  name,
  children,
}: WithFieldErrorProps<T>) {
  // Only `errors` is read: react-hook-form re-renders a subscriber for the parts of the
  // form state it reads (getFieldState would read validating, dirty and touched too).
  const { errors } = useFormState({ control, name, exact: true });
  const error = get(errors, name) as FieldError | undefined;
  return children(error?.message);
}
