import { Link } from 'react-router';
import { AuthCard } from '../ui/auth-card';
import { usePageMeta } from '../ui/use-page-meta';

export function NotFoundPage() {
  usePageMeta('Page not found', 'This page of the Aurora account portal does not exist.');
  return (
    <AuthCard title="Page not found">
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </AuthCard>
  );
}
