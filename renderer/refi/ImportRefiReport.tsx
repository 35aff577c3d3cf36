/**
 * The REFI-QDA import report as the workspace shows it: what came in, counted, then every item
 * adjusted or skipped with its reason, grouped by kind. Shared by the .qdpx and .qdc imports.
 */
import type { RefiReportItem } from '../../shared/api/types-refi-import.js';

export function ReportCounts({ counts, label }: { counts: [string, number][]; label: string }) {
  return (
    <dl className="refi-in-counts" aria-label={label}>
      {counts.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ title, items, tone }: { title: string; items: RefiReportItem[]; tone: 'adjusted' | 'skipped' }) {
  if (items.length === 0) return null;
  const kinds = new Map<string, number>();
  for (const i of items) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
  return (
    <section className={`refi-in-section refi-in-${tone}`} aria-label={`${title}: ${items.length}`}>
      <h3>
        {title} <span className="refi-in-n">{items.length.toLocaleString()}</span>
        <span className="refi-in-kinds">{[...kinds].map(([k, n]) => `${n} ${k}${n === 1 ? '' : 's'}`).join(' · ')}</span>
      </h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Item</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i, n) => (
            <tr key={n}>
              <td className="refi-in-kind">{i.kind}</td>
              <td className="refi-in-item">{i.item}</td>
              <td>{i.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ReportLists({ adjusted, skipped }: { adjusted: RefiReportItem[]; skipped: RefiReportItem[] }) {
  if (adjusted.length === 0 && skipped.length === 0)
    return <p className="refi-in-clean">Everything in the file was imported as it was; nothing was adjusted or skipped.</p>;
  return (
    <div className="refi-in-lists" tabIndex={0} aria-label="Adjusted and skipped items">
      <Section title="Skipped" items={skipped} tone="skipped" />
      <Section title="Adjusted" items={adjusted} tone="adjusted" />
    </div>
  );
}

/** A browser File as base64 (without the data: prefix). */
export function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}
