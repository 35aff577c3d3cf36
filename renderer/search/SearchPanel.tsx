/** STUB — being written: full-text search across documents. */
export function SearchPanel() {
  return <section aria-label="Search" />;
}
