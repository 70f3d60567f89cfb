import { useEffect } from 'react';

export interface PageMeta {
  title: string;
  description: string;
}

/** The tab title for a page, as the browser shows it. */
export function documentTitle({ title }: PageMeta): string {
  return `${title} · Aurora`;
}

/** Sets the tab title and the meta description while a page is shown. */
export function usePageMeta(meta: PageMeta): void {
  const { title, description } = meta;
  useEffect(() => {
    document.title = documentTitle({ title, description });
    document.querySelector('meta[name="description"]')?.setAttribute('content', description);
  }, [title, description]);
}
