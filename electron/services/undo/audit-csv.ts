/**
 * The audit trail as CSV for a spreadsheet: RFC 4180 (CRLF line ends, fields with a comma, quote or
 * line break quoted, quotes doubled), UTF-8 with a byte-order mark so Excel reads accents right.
 * A cell that would start a formula (= + - @) gets a leading apostrophe: actor names come from users.
 */
import type { AuditEntry } from '../../../shared/api/types-history.js';

export const AUDIT_COLUMNS = ['Time (UTC)', 'Who', 'Action', 'Item', 'Document', 'What happened', 'Batch', 'Event'] as const;

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(v: string): string {
  const safe = FORMULA.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(rows: AuditEntry[]): string {
  const lines = [AUDIT_COLUMNS.map(csvCell).join(',')];
  for (const r of rows) lines.push([r.at, r.actor, r.action, r.item, r.document ?? '', r.summary, r.batch, String(r.id)].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
