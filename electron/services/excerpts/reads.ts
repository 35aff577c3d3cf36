/**
 * The bulk reads of an excerpt export as plain prepared SQL: one statement for every coding of
 * the chosen codes, coders and documents (id lists passed as JSON), and the stored text of a
 * document. Building a drizzle query per document or per call cost more than the SQL itself.
 */
import { prepared } from '../../../db/prepared.js';
import type { Db } from '../../../db/open.js';

export interface CodingRow {
  guid: string;
  documentId: number;
  codeId: number;
  coderId: number;
  start: number;
  end: number;
  memo: string | null;
}

export function codingsFor(db: Db, codeIds: readonly number[], coderIds: readonly number[], documentIds: readonly number[]): CodingRow[] {
  return prepared(
    db,
    `SELECT c.guid, c.document_id AS documentId, c.code_id AS codeId, c.coder_id AS coderId, c.start, c."end", m.body AS memo
       FROM codings c LEFT JOIN memos m ON m.target_kind = 'coding' AND m.target_id = c.id
      WHERE c.code_id IN (SELECT value FROM json_each(?)) AND c.coder_id IN (SELECT value FROM json_each(?))
        AND c.document_id IN (SELECT value FROM json_each(?))
      ORDER BY c.document_id, c.start, c."end", c.id`,
  ).all(JSON.stringify(codeIds), JSON.stringify(coderIds), JSON.stringify(documentIds)) as CodingRow[];
}

export function textOf(db: Db, documentId: number): string {
  return (prepared(db, 'SELECT text FROM document_texts WHERE document_id = ?').get(documentId) as { text: string } | undefined)?.text ?? '';
}
