import { Link } from 'react-router';
import { AuthCard } from '../ui/auth-card';
import { usePageMeta, type PageMeta } from '../ui/use-page-meta';

const notFoundPageMeta: PageMeta = {
  title: 'Page not found',
  description: 'This page of the Aurora account portal does not exist.',
};

export function NotFoundPage() {
  usePageMeta(notFoundPageMeta);
  return (
    <AuthCard title="Page not found">
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </AuthCard>
  );
}
