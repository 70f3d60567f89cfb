import { lazy, Suspense } from 'react';
import { useWatch, type Control, type FieldValues, type Path } from 'react-hook-form';

const PasswordStrength = lazy(() => import('../ui/password-strength/password-strength'));

interface PasswordStrengthForProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  /** Fields holding the user's own details (username, email). */
  personal: Path<T>[];
}

/**
 * The strength meter for one password field. It watches only that field (so typing
 * re-renders the meter, not the form), and its code loads once there is something to
 * rate, so it never weighs on pages that don't show it.
 */
export function PasswordStrengthFor<T extends FieldValues>({
  control,
  name,
  personal,
}: PasswordStrengthForProps<T>) {
  const password: unknown = useWatch({ control, name });
  const details: unknown[] = useWatch({ control, name: personal });
  if (typeof password !== 'string' || password === '') return null;
  return (
    <Suspense fallback={null}>
      <PasswordStrength
        password={password}
        personal={details.filter((value) => typeof value === 'string')}
      />
    </Suspense>
  );
}
