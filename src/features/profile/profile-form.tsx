import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { UserInfo } from '../../api';
import { useAuth } from '../../auth/auth-context';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  PASSWORD_RULES,
  USERNAME_HINT,
} from '../../shared/field-rules';
import { PasswordStrengthFor } from '../../shared/password-strength-for';
import { useFormShell } from '../../shared/use-form-shell';
import { EmailField, UsernameField } from '../../ui/account-fields';
import { FormShell } from '../../ui/form-shell';
import { PasswordField } from '../../ui/password-field';
import { profileSchema, type ProfileValues } from './profile-schema';
import { UNSAVED_CHANGES_QUESTION, useUnsavedChangesGuard } from './use-unsaved-changes-guard';
import { useProfileDraft } from './use-profile-draft';
import { useUpdateProfile, WrongCurrentPasswordError } from './use-update-profile';

function formValues(user: UserInfo): ProfileValues {
  return {
    username: user.username,
    email: user.email,
    newPassword: '',
    confirmNewPassword: '',
    currentPassword: '',
  };
}

/** Edits the loaded user; rendered only once the user info is there, so never half-filled. */
export function ProfileForm({ user }: { user: UserInfo }) {
  const { logOut } = useAuth();
  const updateProfile = useUpdateProfile();
  const [savedMessage, setSavedMessage] = useState('');
  const form = useForm<ProfileValues>({
    resolver: zodResolver(profileSchema),
    defaultValues: formValues(user),
    mode: 'onTouched',
    shouldFocusError: false,
  });
  const { register, formState, reset, setError } = form;
  const shell = useFormShell(form, {
    fields: {
      username: 'profile-username',
      email: 'profile-email',
      newPassword: 'profile-new-password',
      confirmNewPassword: 'profile-confirm-new-password',
      currentPassword: 'profile-current-password',
    },
    wording: {
      unauthorized: 'Your session has expired. Please log in again.',
      invalidInput:
        'The server didn’t accept these changes. The username or email may already belong to another account: try another.',
    },
    pending: updateProfile.isPending,
    onValid: (values, showServerError) => {
      setSavedMessage('');
      updateProfile.mutate(
        { saved: user, values },
        {
          onSuccess: () => {
            reset(formValues(values));
            setSavedMessage('Your changes have been saved.');
          },
          onError: (error) => {
            if (error instanceof WrongCurrentPasswordError) {
              setError(
                'currentPassword',
                {
                  type: 'server',
                  message: 'That isn’t your current password. Nothing was changed.',
                },
                { shouldFocus: true },
              );
            } else {
              showServerError(error);
            }
          },
        },
      );
    },
  });
  useUnsavedChangesGuard(formState.isDirty);
  const draftRestored = useProfileDraft(form, user);

  return (
    <>
      <FormShell
        name="profile"
        {...shell}
        submitLabel="Save changes"
        notices={
          <>
            {draftRestored && formState.isDirty ? (
              <p className="alert alert-info">
                We put back the changes you hadn’t saved when your session expired. Enter your
                current password to save them.
              </p>
            ) : null}
            {updateProfile.isPaused ? (
              <p className="alert alert-info">
                You’re offline. Your changes will be saved as soon as the connection is back.
              </p>
            ) : null}
          </>
        }
        after={
          <p className="status" role="status">
            {savedMessage}
          </p>
        }
      >
        <UsernameField
          id="profile-username"
          hint={USERNAME_HINT}
          error={formState.errors.username?.message}
          {...register('username')}
        />
        <EmailField
          id="profile-email"
          error={formState.errors.email?.message}
          {...register('email')}
        />
        <fieldset className="fieldset">
          <legend>Change password (optional)</legend>
          <PasswordField
            id="profile-new-password"
            label="New password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            passwordrules={PASSWORD_RULES}
            hint={`Leave empty to keep your password. ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`}
            extra={
              <PasswordStrengthFor
                control={form.control}
                name="newPassword"
                personal={['username', 'email']}
              />
            }
            error={formState.errors.newPassword?.message}
            {...register('newPassword', { deps: ['confirmNewPassword'] })}
          />
          <PasswordField
            id="profile-confirm-new-password"
            label="Confirm new password"
            autoComplete="new-password"
            maxLength={PASSWORD_MAX}
            error={formState.errors.confirmNewPassword?.message}
            {...register('confirmNewPassword')}
          />
        </fieldset>
        <PasswordField
          id="profile-current-password"
          label="Current password"
          autoComplete="current-password"
          hint="Needed to save any change."
          error={formState.errors.currentPassword?.message}
          {...register('currentPassword')}
        />
      </FormShell>
      <div className="card-footer">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            if (!formState.isDirty || window.confirm(UNSAVED_CHANGES_QUESTION))
              logOut('logged-out');
          }}
        >
          Log out
        </button>
      </div>
    </>
  );
}
