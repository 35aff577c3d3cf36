/** The Analysis view: frequencies and prevalence, co-occurrence, cross-tabs and their charts. */
export function AnalysisView() {
  return (
    <section className="analysis" aria-label="Analysis">
      <h1>Analysis</h1>
    </section>
  );
}
