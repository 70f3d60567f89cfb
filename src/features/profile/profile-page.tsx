import { Suspense } from 'react';
import { AuthCard } from '../../ui/auth-card';
import { useHydrated } from '../../ui/use-hydrated';
import { usePageMeta, type PageMeta } from '../../ui/use-page-meta';
import { ProfileContentOnDemand } from './lazy-profile-content';
import { ProfileLoading } from './profile-loading';

export const profilePageMeta: PageMeta = {
  title: 'Your profile',
  description: 'Change the username, email and password of your Aurora AI Chat account.',
};

/**
 * The profile page's frame is in the app's first script and prerendered (see
 * src/app/prerender.tsx), so it is on screen at once; the rest loads on demand. While the
 * prerendered frame is hydrated the content stays the loading line the prerender has:
 * what the user or the form's code makes of it is the browser's business only afterwards.
 */
export function ProfilePage() {
  usePageMeta(profilePageMeta);
  const hydrated = useHydrated();
  return (
    <AuthCard title="Your profile">
      <p className="card-lead">{profilePageMeta.description}</p>
      {hydrated ? (
        <Suspense fallback={<ProfileLoading />}>
          <ProfileContentOnDemand />
        </Suspense>
      ) : (
        <ProfileLoading />
      )}
    </AuthCard>
  );
}
