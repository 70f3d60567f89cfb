import { useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { UserInfo } from '../../api';
import { useAuth } from '../../auth/auth-context';
import { keepProfileDraft, takeProfileDraft } from './profile-draft';
import type { ProfileValues } from './profile-schema';

/**
 * Keeps unsaved username/email edits when the session expires under the form, and
 * puts them back when the same account returns. Says whether it restored anything.
 */
export function useProfileDraft(form: UseFormReturn<ProfileValues>, user: UserInfo): boolean {
  const { getSession } = useAuth();
  const [restored, setRestored] = useState(false);
  const account = useRef(user.username);
  const { getValues, setValue } = form;

  useEffect(() => {
    const draft = takeProfileDraft(account.current);
    if (draft) {
      setValue('username', draft.username, { shouldDirty: true });
      setValue('email', draft.email, { shouldDirty: true });
      setRestored(true);
    }
  }, [setValue]);

  useEffect(
    () => () => {
      const session = getSession();
      if (session.status !== 'anonymous' || session.endReason !== 'expired') return;
      const { username, email } = getValues();
      if (username !== user.username || email !== user.email) {
        keepProfileDraft(account.current, { username, email });
      }
    },
    [getSession, getValues, user],
  );

  return restored;
}
