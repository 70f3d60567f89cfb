/**
 * The parts of the profile that depend on whether the form has unsaved changes. Each
 * reads that itself, so when it flips (at the first keystroke, say) only they re-render,
 * not the form.
 */
import { useFormState, type Control } from 'react-hook-form';
import { useAuth } from '../../auth/auth-context';
import { FormNotice } from '../../ui/form-notice';
import type { ProfileValues } from './profile-schema';
import { UNSAVED_CHANGES_QUESTION, useUnsavedChangesGuard } from './use-unsaved-changes-guard';

interface UnsavedChangesProps {
  control: Control<ProfileValues>;
}

function useHasUnsavedChanges(control: Control<ProfileValues>): boolean {
  return useFormState({ control }).isDirty;
}

/** Asks before leaving the page while there are unsaved changes (renders nothing). */
export function UnsavedChangesGuard({ control }: UnsavedChangesProps) {
  useUnsavedChangesGuard(useHasUnsavedChanges(control));
  return null;
}

/** Says that edits kept from an expired session were put back, while they are unsaved. */
export function RestoredDraftNotice({ control }: UnsavedChangesProps) {
  if (!useHasUnsavedChanges(control)) return null;
  return (
    <FormNotice>
      We put back the changes you hadn’t saved when your session expired. Enter your current
      password to save them.
    </FormNotice>
  );
}

/** Logs out; with unsaved changes, only once the user has said to lose them. */
export function LogOutButton({ control }: UnsavedChangesProps) {
  const { logOut } = useAuth();
  const hasUnsavedChanges = useHasUnsavedChanges(control);
  return (
    <button
      type="button"
      className="button button-secondary"
      onClick={() => {
        if (!hasUnsavedChanges || window.confirm(UNSAVED_CHANGES_QUESTION)) logOut('logged-out');
      }}
    >
      Log out
    </button>
  );
}
