/**
 * Everything a REFI-QDA export needs, read in one read transaction so the file is one consistent
 * picture of the project even while a writer is busy. Plain SQL: the 20,000-coding export
 * reads each table once.
 */
import { basename, extname } from 'node:path';
import type { Session } from '../../session.js';

export interface SnapCoder {
  id: number;
  guid: string;
  name: string;
  createdAt: string;
}
export interface SnapCode {
  id: number;
  guid: string;
  parentId: number | null;
  name: string;
  color: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
}
export interface SnapAttribute {
  id: number;
  guid: string;
  name: string;
  type: 'text' | 'number' | 'date' | 'boolean';
}
export interface SnapCase {
  id: number;
  guid: string;
  name: string;
  values: { attributeId: number; value: string }[];
}
export interface SnapDocument {
  id: number;
  guid: string;
  name: string;
  importedAt: string;
  caseId: number | null;
  text: string;
}
export interface SnapCoding {
  id: number;
  guid: string;
  documentId: number;
  codeId: number;
  coderId: number;
  start: number;
  end: number;
  createdAt: string;
}
export interface SnapMemo {
  id: number;
  guid: string;
  kind: 'project' | 'document' | 'code' | 'coding' | 'case';
  targetId: number;
  body: string;
  createdAt: string;
  updatedAt: string;
}
export interface RefiSnapshot {
  project: { guid: string; name: string; createdAt: string };
  coders: SnapCoder[];
  /** In code-book order: parents before children, siblings by position. */
  codes: SnapCode[];
  attributes: SnapAttribute[];
  cases: SnapCase[];
  documents: SnapDocument[];
  /** Ordered by document, start, end, GUID. */
  codings: SnapCoding[];
  memos: SnapMemo[];
}

export function readSnapshot(session: Session, what: { codebookOnly?: boolean } = {}): RefiSnapshot {
  const { sqlite, path } = session.project;
  const all = <T>(sql: string): T[] => sqlite.prepare(sql).all() as T[];
  return sqlite.transaction((): RefiSnapshot => {
    const meta = new Map(all<{ key: string; value: string }>('SELECT key, value FROM project_meta').map((r) => [r.key, r.value]));
    const project = {
      guid: meta.get('guid') ?? '',
      name: meta.get('name') ?? basename(path, extname(path)),
      createdAt: meta.get('created_at') ?? '',
    };
    const codes = treeOrder(
      all<SnapCode & { position: number }>(
        'SELECT id, guid, parent_id AS parentId, name, color, definition, inclusion, exclusion, example, position FROM codes ORDER BY position, id',
      ),
    );
    if (what.codebookOnly) return { project, coders: [], codes, attributes: [], cases: [], documents: [], codings: [], memos: [] };
    const cases = all<Omit<SnapCase, 'values'>>('SELECT id, guid, name FROM cases ORDER BY name COLLATE NOCASE, id').map((c) => ({
      ...c,
      values: [] as SnapCase['values'],
    }));
    const byCase = new Map(cases.map((c) => [c.id, c]));
    for (const v of all<{ caseId: number; attributeId: number; value: string }>(
      'SELECT case_id AS caseId, attribute_id AS attributeId, value FROM case_values ORDER BY case_id, attribute_id',
    )) {
      byCase.get(v.caseId)?.values.push({ attributeId: v.attributeId, value: v.value });
    }
    return {
      project,
      coders: all<SnapCoder>('SELECT id, guid, name, created_at AS createdAt FROM coders ORDER BY id'),
      codes,
      attributes: all<SnapAttribute>('SELECT id, guid, name, type FROM attributes ORDER BY name COLLATE NOCASE, id'),
      cases,
      documents: all<SnapDocument>(
        `SELECT d.id, d.guid, d.name, d.imported_at AS importedAt, d.case_id AS caseId, t.text
         FROM documents d JOIN document_texts t ON t.document_id = d.id ORDER BY d.name COLLATE NOCASE, d.id`,
      ),
      codings: all<SnapCoding>(
        `SELECT id, guid, document_id AS documentId, code_id AS codeId, coder_id AS coderId, start, "end", created_at AS createdAt
         FROM codings ORDER BY document_id, start, "end", guid`,
      ),
      memos: all<SnapMemo>(
        `SELECT id, guid, target_kind AS kind, target_id AS targetId, body, created_at AS createdAt, updated_at AS updatedAt
         FROM memos WHERE trim(body) <> '' ORDER BY id`,
      ),
    };
  })();
}

/** Parents before children, siblings in their stored order. */
function treeOrder(rows: (SnapCode & { position: number })[]): SnapCode[] {
  const byParent = new Map<number | null, SnapCode[]>();
  for (const { position: _p, ...r } of rows) {
    const list = byParent.get(r.parentId) ?? [];
    list.push(r);
    byParent.set(r.parentId, list);
  }
  const out: SnapCode[] = [];
  const walk = (parent: number | null) => {
    for (const r of byParent.get(parent) ?? []) {
      out.push(r);
      walk(r.id);
    }
  };
  walk(null);
  return out;
}
