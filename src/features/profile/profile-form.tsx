import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { UserInfo } from '../../api';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  PASSWORD_RULES,
  USERNAME_HINT,
} from '../../shared/field-rules';
import { PasswordStrengthFor } from '../../shared/password-strength-for';
import { useFormShell } from '../../shared/use-form-shell';
import { WithFieldError } from '../../shared/with-field-error';
import { EmailField, UsernameField } from '../../ui/account-fields';
import { FormNotice } from '../../ui/form-notice';
import { FormShell } from '../../ui/form-shell';
import { PasswordField } from '../../ui/password-field';
import { profileSchema, type ProfileValues } from './profile-schema';
import { LogOutButton, RestoredDraftNotice, UnsavedChangesGuard } from './unsaved-changes';
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
  const updateProfile = useUpdateProfile();
  const [savedMessage, setSavedMessage] = useState('');
  const form = useForm<ProfileValues>({
    resolver: zodResolver(profileSchema),
    defaultValues: formValues(user),
    mode: 'onTouched',
    shouldFocusError: false,
  });
  const { register, reset, setError } = form;
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
  const draftRestored = useProfileDraft(form, user);

  return (
    <>
      <FormShell
        name="profile"
        {...shell}
        submitLabel="Save changes"
        notices={
          <>
            {draftRestored ? <RestoredDraftNotice control={form.control} /> : null}
            {updateProfile.isPaused ? (
              <FormNotice>
                You’re offline. Your changes will be saved as soon as the connection is back.
              </FormNotice>
            ) : null}
          </>
        }
        after={
          <p className="status" role="status">
            {savedMessage}
          </p>
        }
      >
        <WithFieldError control={form.control} name="username">
          {(error) => (
            <UsernameField
              id="profile-username"
              hint={USERNAME_HINT}
              error={error}
              {...register('username')}
            />
          )}
        </WithFieldError>
        <WithFieldError control={form.control} name="email">
          {(error) => <EmailField id="profile-email" error={error} {...register('email')} />}
        </WithFieldError>
        <fieldset className="fieldset">
          <legend>Change password (optional)</legend>
          <WithFieldError control={form.control} name="newPassword">
            {(error) => (
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
                error={error}
                {...register('newPassword', {
                  // One name, not a list: react-hook-form then reports the re-check under
                  // that name, so only that field re-renders, not the form and the rest.
                  deps: 'confirmNewPassword',
                })}
              />
            )}
          </WithFieldError>
          <WithFieldError control={form.control} name="confirmNewPassword">
            {(error) => (
              <PasswordField
                id="profile-confirm-new-password"
                label="Confirm new password"
                autoComplete="new-password"
                maxLength={PASSWORD_MAX}
                error={error}
                {...register('confirmNewPassword')}
              />
            )}
          </WithFieldError>
        </fieldset>
        <WithFieldError control={form.control} name="currentPassword">
          {(error) => (
            <PasswordField
              id="profile-current-password"
              label="Current password"
              autoComplete="current-password"
              hint="Needed to save any change."
              error={error}
              {...register('currentPassword')}
            />
          )}
        </WithFieldError>
      </FormShell>
      <div className="card-footer">
        <LogOutButton control={form.control} />
      </div>
      <UnsavedChangesGuard control={form.control} />
    </>
  );
}
