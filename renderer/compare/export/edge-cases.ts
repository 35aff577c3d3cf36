/**
 * What the Report part says before an export when the choice is thin: coders who share no
 * document, codes nobody used, empty documents. Pure, so it is tested without a page.
 */
import type { AgreementReport } from '../../../shared/agreement/reports.js';
import type { DocumentListItem } from '../../../shared/api/types.js';

/**
 * Codes in scope that neither coder used in the documents compared: in the report with zero
 * counts, or (when every code is in scope) left out of it by the service.
 */
export function codesNobodyUsed(r: AgreementReport, scopePaths: readonly string[] = []): string[] {
  if (r.unit === 'unitized') return [];
  const listed = new Set(r.codes.map((c) => c.code));
  // A parent that only groups used codes is not "unused".
  const grouping = (p: string) => [...listed].some((c) => c.startsWith(`${p}/`));
  return [...zeroCodes(r), ...scopePaths.filter((p) => !listed.has(p) && !grouping(p))];
}

function zeroCodes(r: AgreementReport): string[] {
  switch (r.unit) {
    case 'character':
      return r.codes.filter((c) => c.pooled.both + c.pooled.onlyA + c.pooled.onlyB === 0).map((c) => c.code);
    case 'turn':
      return r.codes.filter((c) => c.pooled.both + c.pooled.onlyA + c.pooled.onlyB === 0).map((c) => c.code);
    case 'segment':
      return r.codes.filter((c) => c.pooled.segmentsA + c.pooled.segmentsB === 0).map((c) => c.code);
    case 'document':
      return r.codes.filter((c) => c.usedByA.length + c.usedByB.length === 0).map((c) => c.code);
    case 'unitized':
      return [];
  }
}

const NEEDS_SHARED =
  'agreement needs transcripts both of them coded. Have each coder code the same documents (or merge the project in which they did), or choose another pair.';

/** The agreement services refuse a pair with no document in common; the Report part says what to do. */
export function explainReportError(message: string): string {
  return /no document in common/.test(message) ? `${message}: ${NEEDS_SHARED}` : message;
}

export interface Notice {
  kind: 'none-shared' | 'unused-codes' | 'empty-documents' | 'excluded';
  text: string;
}

export function reportNotices(r: AgreementReport, docs: readonly DocumentListItem[], names: [string, string], scopePaths: readonly string[] = []): Notice[] {
  const out: Notice[] = [];
  if (r.documentsCompared.length === 0) out.push({ kind: 'none-shared', text: `${names[0]} and ${names[1]} share no document: ${NEEDS_SHARED}` });
  const unused = codesNobodyUsed(r, scopePaths);
  if (unused.length)
    out.push({
      kind: 'unused-codes',
      text: `${unused.length === 1 ? '1 code' : `${unused.length} codes`} in scope nobody used in these documents (${unused.slice(0, 3).join(', ')}${unused.length > 3 ? `, and ${unused.length - 3} more` : ''}): with nothing to compare, their κ and α are undefined (0/0); the report lists them by name.`,
    });
  const empty = docs.filter((d) => d.length === 0).map((d) => d.name);
  if (empty.length)
    out.push({
      kind: 'empty-documents',
      text: `${empty.join(', ')} ${empty.length === 1 ? 'has' : 'have'} no text (0 characters): nothing in ${empty.length === 1 ? 'it' : 'them'} can be coded, so ${empty.length === 1 ? 'it adds' : 'they add'} nothing to the statistics.`,
    });
  const excluded = r.excluded.filter((e) => !empty.includes(e.document));
  if (excluded.length) out.push({ kind: 'excluded', text: `Left out: ${excluded.map((e) => `${e.document} (${e.reason})`).join('; ')}.` });
  return out;
}
