import { useEffect, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { UserInfo } from '../../api';
import { useAuth } from '../../auth/auth-context';
import { discardProfileDraft, keepProfileDraft, readProfileDraft } from './profile-draft';
import type { ProfileValues } from './profile-schema';

/**
 * Keeps unsaved username/email edits when the session expires under the form, and puts
 * them back when the same account returns; says whether it did. The draft is filed under
 * the account's saved username as it is now (after any rename), so no other account can
 * pick it up.
 */
export function useProfileDraft(form: UseFormReturn<ProfileValues>, user: UserInfo): boolean {
  const { getSession } = useAuth();
  // Read once, when the form first shows; applied (and then thrown away) just after.
  const [draft] = useState(() => readProfileDraft(user.username));
  const { getValues, setValue } = form;

  useEffect(() => {
    if (!draft) return;
    setValue('username', draft.username, { shouldDirty: true });
    setValue('email', draft.email, { shouldDirty: true });
    discardProfileDraft();
  }, [draft, setValue]);

  useEffect(
    () => () => {
      const session = getSession();
      if (session.status !== 'anonymous' || session.endReason !== 'expired') return;
      const { username, email } = getValues();
      if (username !== user.username || email !== user.email) {
        keepProfileDraft(user.username, { username, email });
      }
    },
    [getSession, getValues, user],
  );

  return draft !== null;
}
