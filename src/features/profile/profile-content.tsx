import { useQuery } from '@tanstack/react-query';
import { useAccessToken } from '../../auth/auth-context';
import { userInfoQuery } from '../../auth/user-info-query';
import { apiErrorMessage } from '../../shared/api-error-message';
import { FormAlert } from '../../ui/form-alert';
import { ProfileForm } from './profile-form';
import { ProfileLoading } from './profile-loading';

/** The profile form once the user has arrived; until then, why it is not there yet. */
export function ProfileContent() {
  const token = useAccessToken();
  const userInfo = useQuery(userInfoQuery(token));

  if (userInfo.data) return <ProfileForm user={userInfo.data} />;
  if (userInfo.isError) {
    return (
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
    );
  }
  return <ProfileLoading offline={userInfo.isPaused} />;
}
