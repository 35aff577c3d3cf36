/**
 * The audit trail: the append-only event log read as "who changed what, and when", filtered by
 * who made the change and by document, and exported as CSV. Reads only.
 */
import type { AuditEntry, AuditFile, AuditView } from '../../../shared/api/types-history.js';
import { fail } from '../../../shared/errors.js';
import type { Session } from '../session.js';
import { auditCsv } from './audit-csv.js';
import { describeEvent, type Names, type RawEvent } from './audit-describe.js';

export interface AuditFilter {
  actor?: string;
  /** A document's GUID. */
  document?: string;
}

interface Where {
  sql: string;
  params: (string | number)[];
}

/**
 * A document's events: those about the document itself, about its codings and consensus decisions
 * (logged with its id), and its memo (logged with its GUID).
 */
function where(session: Session, f: AuditFilter): Where {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (f.actor !== undefined) {
    parts.push('actor = ? COLLATE NOCASE');
    params.push(f.actor.trim());
  }
  if (f.document !== undefined) {
    const doc = session.project.sqlite.prepare('SELECT id, guid FROM documents WHERE guid = ?').get(f.document) as { id: number; guid: string } | undefined;
    if (!doc) fail('not_found', `no document with GUID ${f.document}`);
    parts.push(`(entity_guid = ?
      OR json_extract(after, '$.documentId') = ? OR json_extract(before, '$.documentId') = ?
      OR json_extract(after, '$.targetGuid') = ? OR json_extract(before, '$.targetGuid') = ?)`);
    params.push(doc.guid, doc.id, doc.id, doc.guid, doc.guid);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

function names(session: Session): Names {
  const { sqlite } = session.project;
  const map = (sql: string) => new Map((sqlite.prepare(sql).all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
  return {
    documents: map('SELECT id, name FROM documents'),
    documentsByGuid: new Map((sqlite.prepare('SELECT guid, name FROM documents').all() as { guid: string; name: string }[]).map((r) => [r.guid, r.name])),
    codes: map('SELECT id, name FROM codes'),
    coders: map('SELECT id, name FROM coders'),
  };
}

const COLUMNS = 'id, batch, at, actor, action, entity, entity_guid AS entityGuid, before, after';

function entries(session: Session, f: AuditFilter, page?: { limit: number; before?: number }): { rows: AuditEntry[]; total: number } {
  const { sqlite } = session.project;
  const w = where(session, f);
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM events ${w.sql}`).get(...w.params) as { n: number }).n;
  let sql = `SELECT ${COLUMNS} FROM events ${w.sql}`;
  const params = [...w.params];
  if (page?.before !== undefined) {
    sql += `${w.sql ? ' AND' : ' WHERE'} id < ?`;
    params.push(page.before);
  }
  sql += ' ORDER BY id DESC';
  if (page) {
    sql += ' LIMIT ?';
    params.push(page.limit + 1);
  }
  const n = names(session);
  const rows = (sqlite.prepare(sql).all(...params) as RawEvent[]).map((e) => describeEvent(e, n));
  return { rows, total };
}

export function audit(session: Session, f: AuditFilter & { limit?: number; before?: number }): AuditView {
  const limit = f.limit ?? 500;
  const { rows, total } = entries(session, f, { limit, ...(f.before !== undefined && { before: f.before }) });
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const actors = (session.project.sqlite.prepare('SELECT DISTINCT actor FROM events ORDER BY actor COLLATE NOCASE').all() as { actor: string }[]).map(
    (r) => r.actor,
  );
  return { entries: page, total, actors, nextBefore: more ? page.at(-1)!.id : null };
}

/** Every matching event (newest first) as CSV; the file is named after the project and today. */
export function auditExport(session: Session, f: AuditFilter): AuditFile {
  const { rows } = entries(session, f);
  const project = session.project.path.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const day = new Date().toISOString().slice(0, 10);
  return { name: `${project} audit ${day}.csv`, mime: 'text/csv', base64: Buffer.from(auditCsv(rows), 'utf8').toString('base64'), rows: rows.length };
}
