import { PageLoading } from '../../ui/page-loading';

/** The profile page while its form's code or the user's profile is on its way. */
export function ProfileLoading({ offline = false }: { offline?: boolean }) {
  return (
    <PageLoading
      label={
        offline
          ? 'You’re offline. Your profile will load when you’re back online.'
          : 'Loading your profile…'
      }
    />
  );
}
