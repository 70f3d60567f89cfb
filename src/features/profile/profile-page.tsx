import { useQuery } from '@tanstack/react-query';
import { useAccessToken } from '../../auth/auth-context';
import { userInfoQuery } from '../../auth/user-info-query';
import { apiErrorMessage } from '../../shared/api-error-message';
import { AuthCard } from '../../ui/auth-card';
import { FormAlert } from '../../ui/form-alert';
import { PageLoading } from '../../ui/page-loading';
import { usePageMeta, type PageMeta } from '../../ui/use-page-meta';
import { ProfileForm } from './profile-form';

const profilePageMeta: PageMeta = {
  title: 'Your profile',
  description: 'Change the username, email and password of your Aurora AI Chat account.',
};

export function ProfilePage() {
  usePageMeta(profilePageMeta);
  const token = useAccessToken();
  const userInfo = useQuery(userInfoQuery(token));

  return (
    <AuthCard title="Your profile">
      {userInfo.data ? (
        <ProfileForm user={userInfo.data} />
      ) : userInfo.isError ? (
        <FormAlert
          action={
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void userInfo.refetch()}
            >
              Try again
            </button>
          }
        >
          {`We couldn’t load your profile. ${apiErrorMessage(userInfo.error, {
            unauthorized: 'Your session has expired.',
            invalidInput: 'The server refused the request.',
          })}`}
        </FormAlert>
      ) : (
        <PageLoading
          label={
            userInfo.isPaused
              ? 'You’re offline. Your profile will load when you’re back online.'
              : 'Loading your profile…'
          }
        />
      )}
    </AuthCard>
  );
}
