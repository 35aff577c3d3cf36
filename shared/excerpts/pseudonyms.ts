/**
 * The pseudonym list people keep as a two-column CSV: `find,replace` (a header row first). A
 * row whose find is a case name relabels that case; every row is also replaced, as a whole
 * word, inside the exported quotes, memos and document names. Bad rows fail naming the row.
 */
import { parseCsvRecords } from '../csv.js';
import { fail } from '../errors.js';

export function parsePseudonymMap(text: string, fileName: string): [string, string][] {
  const records = parseCsvRecords(text, fileName);
  if (records.length === 0) fail('csv_error', `${fileName}: the file is empty (expected a header "find,replace" and one row per name)`);
  const [header, ...rows] = records;
  if (header!.fields.length !== 2) fail('csv_error', `${fileName} row 1: expected two columns (find, replace), got ${header!.fields.length}`);
  const out: [string, string][] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.fields.length === 1 && r.fields[0] === '') continue;
    if (r.fields.length !== 2) fail('csv_error', `${fileName} row ${r.row}: expected two columns (find, replace), got ${r.fields.length}`);
    const [find, replace] = [r.fields[0]!.trim(), r.fields[1]!];
    if (find === '') fail('csv_error', `${fileName} row ${r.row}: the name to find is empty`);
    const before = seen.get(find.toLowerCase());
    if (before !== undefined) fail('csv_error', `${fileName} row ${r.row}: "${find}" is already replaced on row ${before}`);
    seen.set(find.toLowerCase(), r.row);
    out.push([find, replace.trim()]);
  }
  if (out.length === 0) fail('csv_error', `${fileName}: no names to replace (expected one row per name under the header)`);
  // Longer names first, so "Anna Berg" is replaced before "Anna".
  return out.sort((a, b) => b[0].length - a[0].length);
}
