/** A quiet placeholder while a page's data or code arrives. */
export function PageLoading({ label }: { label: string }) {
  return (
    <p className="loading" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
