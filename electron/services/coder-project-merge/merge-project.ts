/**
 * Merging a second coder's project file into this one. The other file is never opened in
 * place (opening may migrate it): a temporary copy is. This project is backed up first, then
 * everything happens in one transaction. Documents match by content (and must have identical
 * text for codings to carry over), codes by GUID then path, coders by GUID and are otherwise
 * kept apart. Existing codings are never overwritten or dropped, and merging twice adds nothing.
 * The merge is one undoable step: it only adds rows, and its log entry says which.
 */
import { copyFileSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runAction, type Action } from '../../../db/action.js';
import { backupFile } from '../../../db/backup.js';
import { insertChunks } from '../../../db/queries/chunks.js';
import { insertCoder, listCoders } from '../../../db/queries/coders.js';
import { codingByGuid, findCodings, insertCoding } from '../../../db/queries/codings.js';
import { listCodes } from '../../../db/queries/codes.js';
import {
  documentById,
  documentCues,
  documentsByHash,
  documentText,
  documentTurns,
  insertCues,
  insertDocument,
  insertTurns,
  listDocuments,
} from '../../../db/queries/documents.js';
import { insertMemo, listMemos, memoFor } from '../../../db/queries/memos.js';
import { closeProject, openProject, type Project } from '../../../db/open.js';
import { shellQuoted } from '../../../db/integrity.js';
import { MarginaliaError } from '../../../shared/errors.js';
import { newGuid } from '../../../shared/ids.js';
import { insertNewCode } from '../codebook.js';
import { carryCases } from './cases.js';
import { refuseSameProject } from './same-project.js';
import { markBeforeMerge, mergeUndoRecord } from '../undo/project-merge.js';
import { normalisePath } from '../lookup.js';
import type { Session } from '../session.js';
import type { CoderProjectMergeReport } from '../../../shared/api/types.js';

/**
 * A damaged coder file: the merge stops before touching the open project, and the advice is about
 * that file (its coder has the good copy, or its own backups beside it), not about restoring the
 * project being merged into.
 */
function corruptCoderFile(err: MarginaliaError, path: string, into: string): MarginaliaError {
  const what = err.message.split('; nothing was repaired')[0]!;
  return new MarginaliaError(
    'corrupt_file',
    `${what}; nothing was merged and ${into} is unchanged. Ask its coder for a fresh copy, or see its own backups: \`marginalia backups ${shellQuoted(path)}\``,
  );
}

/** Opens a temporary copy of `path` (migrated if older); errors name the other file. */
function openCopy(path: string, into: string): { other: Project; done(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-merge-'));
  const copy = join(dir, basename(path));
  try {
    copyFileSync(path, copy);
  } catch {
    rmSync(dir, { recursive: true, force: true });
    throw new MarginaliaError('not_found', `${basename(path)}: no such project file`);
  }
  try {
    const other = openProject(copy);
    return { other, done: () => (closeProject(other), rmSync(dir, { recursive: true, force: true })) };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err instanceof MarginaliaError && err.code === 'corrupt_file' ? corruptCoderFile(err, path, into) : err;
  }
}

export function mergeProject(session: Session, otherPath: string): CoderProjectMergeReport {
  const { other, done } = openCopy(otherPath, basename(session.project.path));
  try {
    const report: CoderProjectMergeReport = {
      from: basename(otherPath),
      backup: '',
      documents: { matched: 0, added: [] },
      codes: { matched: 0, added: [] },
      coders: { matched: 0, added: [], renamed: [] },
      codings: { added: 0, skipped: 0 },
      cases: { added: [], valuesSet: 0 },
      memos: { added: 0 },
      conflicts: [],
    };
    if (realpathSync(otherPath) === realpathSync(session.project.path)) {
      throw new MarginaliaError('invalid_input', `${basename(otherPath)}: this is the open project itself`);
    }
    refuseSameProject(session.project, other, basename(otherPath));
    report.backup = backupFile(session.project.sqlite, session.project.path, session.project.sqlite.pragma('user_version', { simple: true }) as number);
    runAction(session.project, session.actor, (action) => {
      const marks = markBeforeMerge(action.project.sqlite);
      const docs = carryDocuments(action, other, report);
      const codes = carryCodes(action, other, report);
      const coders = carryCoders(action, other, report);
      carryCodings(action, other, { docs, codes, coders }, report);
      carryCases(action, other, docs, report);
      carryMemos(action, other, { docs, codes }, report);
      // What undo needs to take the merge back as one step (electron/services/undo/project-merge.ts).
      action.log({ action: 'merge.project', entity: 'project', after: { ...report, ...mergeUndoRecord(action.project.sqlite, marks) } });
    });
    return report;
  } finally {
    done();
  }
}

function carryDocuments(action: Action, other: Project, report: CoderProjectMergeReport): Map<number, number | null> {
  const map = new Map<number, number | null>();
  for (const d of listDocuments(other)) {
    const text = documentText(other.db, d.id);
    const meta = documentById(other.db, d.id)!;
    const local = documentsByHash(action.db, meta.contentHash).find((l) => documentText(action.db, l.id) === text);
    if (local) {
      map.set(d.id, local.id);
      report.documents.matched += 1;
      continue;
    }
    if (documentsByHash(action.db, meta.contentHash).length) {
      map.set(d.id, null);
      report.conflicts.push({
        kind: 'document',
        item: d.name,
        reason: 'same words as a document here but different spacing, so offsets differ: its codings were not merged',
      });
      continue;
    }
    let name = d.name;
    for (let i = 2; listDocuments(action.project).some((x) => x.name.toLowerCase() === name.toLowerCase()); i += 1) name = `${d.name} (${i})`;
    const guidTaken = action.project.sqlite.prepare('SELECT 1 FROM documents WHERE guid = ?').get(meta.guid);
    const row = {
      guid: guidTaken ? newGuid() : meta.guid,
      name,
      format: meta.format,
      length: meta.length,
      contentHash: meta.contentHash,
      sourceName: meta.sourceName,
      importedAt: meta.importedAt,
      caseId: null,
    };
    const id = insertDocument(action.db, row, text);
    insertTurns(action.db, id, documentTurns(other.db, d.id));
    insertCues(action.db, id, documentCues(other.db, d.id));
    insertChunks(action.project, id, text);
    action.log({ action: 'merge.document', entity: 'document', entityGuid: row.guid, after: row });
    map.set(d.id, id);
    report.documents.added.push(name);
  }
  return map;
}

function carryCodes(action: Action, other: Project, report: CoderProjectMergeReport): Map<number, number> {
  const map = new Map<number, number>();
  for (const c of listCodes(other.db)) {
    const local = listCodes(action.db);
    const match = local.find((l) => l.guid === c.guid) ?? local.find((l) => normalisePath(l.path) === normalisePath(c.path));
    if (match) {
      map.set(c.id, match.id);
      report.codes.matched += 1;
      continue;
    }
    const parent = c.parentId === null ? null : (map.get(c.parentId) ?? null);
    const row = insertNewCode(
      action,
      parent,
      c.name,
      { color: c.color, definition: c.definition, inclusion: c.inclusion, exclusion: c.exclusion, example: c.example },
      c.guid,
    );
    map.set(c.id, row.id);
    report.codes.added.push(c.path);
  }
  return map;
}

function carryCoders(action: Action, other: Project, report: CoderProjectMergeReport): Map<number, number> {
  const map = new Map<number, number>();
  const suffix = basename(report.from).replace(/\.[^.]+$/, '');
  for (const c of listCoders(other.db)) {
    const local = listCoders(action.db);
    const same = local.find((l) => l.guid === c.guid);
    if (same) {
      map.set(c.id, same.id);
      report.coders.matched += 1;
      continue;
    }
    let name = c.name;
    if (local.some((l) => l.name.toLowerCase() === c.name.toLowerCase())) {
      name = `${c.name} (${suffix})`;
      for (let i = 2; local.some((l) => l.name.toLowerCase() === name.toLowerCase()); i += 1) name = `${c.name} (${suffix} ${i})`;
      report.coders.renamed.push({ from: c.name, to: name });
      report.conflicts.push({ kind: 'coder', item: c.name, reason: `a different coder here is also called "${c.name}"; theirs was added as "${name}"` });
    }
    const id = insertCoder(action.db, { guid: c.guid, name, createdAt: action.at });
    action.log({ action: 'merge.coder', entity: 'coder', entityGuid: c.guid, after: { name } });
    map.set(c.id, id);
    report.coders.added.push(name);
  }
  return map;
}

function carryCodings(
  action: Action,
  other: Project,
  maps: { docs: Map<number, number | null>; codes: Map<number, number>; coders: Map<number, number> },
  report: CoderProjectMergeReport,
): void {
  for (const c of findCodings(other.db, {})) {
    const documentId = maps.docs.get(c.documentId);
    if (!documentId) continue;
    const mapped = { documentId, codeId: maps.codes.get(c.codeId)!, coderId: maps.coders.get(c.coderId)! };
    const existing = codingByGuid(action.db, c.guid);
    if (existing) {
      const same =
        existing.documentId === mapped.documentId &&
        existing.codeId === mapped.codeId &&
        existing.coderId === mapped.coderId &&
        existing.start === c.start &&
        existing.end === c.end;
      if (same) report.codings.skipped += 1;
      else
        report.conflicts.push({
          kind: 'coding',
          item: c.guid,
          reason: 'a coding with this GUID here differs (span, code, coder or document); the one here was kept',
        });
      continue;
    }
    // Inserted as it is: the span-union rule could extend a coding that is already here.
    const id = insertCoding(action.db, { guid: c.guid, ...mapped, start: c.start, end: c.end, quote: c.quote, createdAt: c.createdAt, updatedAt: c.updatedAt });
    if (c.memo) {
      insertMemo(action.db, { guid: newGuid(), targetKind: 'coding', targetId: id, body: c.memo, createdAt: action.at, updatedAt: action.at });
      report.memos.added += 1;
    }
    action.log({ action: 'merge.coding', entity: 'coding', entityGuid: c.guid, after: { ...c, ...mapped, id } });
    report.codings.added += 1;
  }
}

function carryMemos(
  action: Action,
  other: Project,
  maps: { docs: Map<number, number | null>; codes: Map<number, number> },
  report: CoderProjectMergeReport,
): void {
  for (const m of listMemos(other.db)) {
    const target = m.targetKind === 'document' ? maps.docs.get(m.targetId) : m.targetKind === 'code' ? maps.codes.get(m.targetId) : undefined;
    if (!target || memoFor(action.db, m.targetKind, target)) continue;
    const guidTaken = action.project.sqlite.prepare('SELECT 1 FROM memos WHERE guid = ?').get(m.guid);
    insertMemo(action.db, {
      guid: guidTaken ? newGuid() : m.guid,
      targetKind: m.targetKind,
      targetId: target,
      body: m.body,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    });
    action.log({ action: 'merge.memo', entity: 'memo', entityGuid: m.guid, after: m });
    report.memos.added += 1;
  }
}
