/**
 * Integrity of a project file: a quick check on every open (page structure, without matching
 * each index entry to its row), and the full check plus foreign keys on request. A damaged file
 * is reported with the way back (its backups), never repaired behind the user's back.
 */
import type Database from 'better-sqlite3';

export interface ForeignKeyProblem {
  table: string;
  rowid: number | null;
  parent: string;
}

export interface IntegrityReport {
  ok: boolean;
  /** integrity_check's findings (empty when it said "ok"). */
  integrity: string[];
  foreignKeys: ForeignKeyProblem[];
}

/**
 * quick_check's findings over the schema and every table holding the work (documents, texts,
 * codes, codings, memos, the event log…) with their indexes; an empty list means they are sound.
 * The full-text search index (an FTS5 table and its shadow tables, half of a large file, derived
 * from the texts) is left to the full check: with it, opening a 200-document project took over
 * 200 ms; without it, about 15 ms.
 */
export function quickCheck(sqlite: Database.Database): string[] {
  const all = sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
    name: string;
    sql: string | null;
  }[];
  const virtual = all.filter((t) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const tables = all.map((t) => t.name).filter((n) => !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
  const problems: string[] = [];
  for (const name of ['sqlite_schema', ...tables]) {
    const rows = sqlite.pragma(`quick_check("${name.replace(/"/g, '""')}")`) as { quick_check: string }[];
    for (const r of rows) if (r.quick_check !== 'ok') problems.push(r.quick_check);
    if (problems.length >= 20) break;
  }
  return problems;
}

export function fullCheck(sqlite: Database.Database): IntegrityReport {
  const integrity = (sqlite.pragma('integrity_check(100)') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((m) => m !== 'ok');
  const foreignKeys = (sqlite.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[])
    .slice(0, 100)
    .map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }));
  return { ok: integrity.length === 0 && foreignKeys.length === 0, integrity, foreignKeys };
}

/** The one line a damaged project gets everywhere: what is wrong, and how to get the work back. */
/** A file name as a shell argument: quoted when it holds spaces or shell characters. */
export const shellQuoted = (name: string): string => (/[\s"'$`\\]/.test(name) ? `"${name.replace(/(["$`\\])/g, '\\$1')}"` : name);

export function corruptMessage(name: string, detail: string): string {
  const quoted = shellQuoted(name);
  const short = detail.replace(/\s+/g, ' ').slice(0, 160);
  return (
    `${name}: the project file is corrupt (${short}); nothing was repaired. ` +
    `Its backups are in ${name}-backups: \`marginalia backups ${quoted}\` lists them, \`marginalia restore ${quoted} BACKUP\` puts one back`
  );
}
