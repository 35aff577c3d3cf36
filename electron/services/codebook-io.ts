/** Code book import and export (JSON and CSV), and seeding a new project's code book. */
import { basename, extname } from 'node:path';
import { runAction, type Action } from '../../db/action.js';
import { listCodes, updateCode } from '../../db/queries/codes.js';
import { parseCodebookCsv, parseCodebookJson, serializeCodebookCsv, serializeCodebookJson } from '../../shared/codebook/format.js';
import { flattenTree, normaliseColor, type CodeSpec } from '../../shared/codebook/tree.js';
import { fail } from '../../shared/errors.js';
import type { CodeRecord } from '../../shared/types.js';
import { insertNewCode } from './codebook.js';
import { readTextFile } from './files.js';
import { normalisePath } from './lookup.js';
import type { Session } from './session.js';

const FIELDS = ['color', 'definition', 'inclusion', 'exclusion', 'example'] as const;

export function codebookSpecs(session: Session): CodeSpec[] {
  const codes = listCodes(session.project.db);
  const specs = new Map<number, CodeSpec>();
  const roots: CodeSpec[] = [];
  for (const c of codes) {
    const spec: CodeSpec = {
      guid: c.guid,
      name: c.name,
      color: c.color,
      definition: c.definition,
      inclusion: c.inclusion,
      exclusion: c.exclusion,
      example: c.example,
      children: [],
    };
    specs.set(c.id, spec);
    if (c.parentId === null) roots.push(spec);
    else specs.get(c.parentId)?.children.push(spec);
  }
  return roots;
}

export function exportCodebook(session: Session, format: 'json' | 'csv'): string {
  const specs = codebookSpecs(session);
  return format === 'json' ? serializeCodebookJson(specs) : serializeCodebookCsv(specs);
}

export interface CodebookImportReport {
  created: string[];
  matched: number;
  updated: string[];
  /** Matched codes whose fields differ from the file; kept as they are unless `update` is set. */
  differing: string[];
}

/** Adds every code of `specs` that the project lacks (matched by GUID, then by path). */
export function mergeSpecs(action: Action, specs: CodeSpec[], update: boolean): CodebookImportReport {
  const report: CodebookImportReport = { created: [], matched: 0, updated: [], differing: [] };
  const flat = flattenTree(specs);
  const byPath = new Map<string, CodeRecord>();
  const byGuid = new Map<string, CodeRecord>();
  const refresh = () => {
    byPath.clear();
    byGuid.clear();
    for (const c of listCodes(action.db)) {
      byPath.set(normalisePath(c.path), c);
      byGuid.set(c.guid, c);
    }
  };
  refresh();
  const placed = new Map<string, number>();
  for (const f of flat) {
    const existing = (f.spec.guid && byGuid.get(f.spec.guid)) || byPath.get(normalisePath(f.path));
    if (existing) {
      report.matched += 1;
      placed.set(f.path, existing.id);
      const patch: Record<string, string> = {};
      for (const k of FIELDS) {
        const v = f.spec[k];
        if (v === undefined || v === '') continue;
        const want = k === 'color' ? normaliseColor(v) : v;
        if (existing[k] !== want) patch[k] = want;
      }
      if (Object.keys(patch).length === 0) continue;
      if (!update) {
        report.differing.push(existing.path);
        continue;
      }
      updateCode(action.db, existing.id, patch);
      action.log({ action: 'code.update', entity: 'code', entityGuid: existing.guid, before: existing, after: { ...existing, ...patch } });
      report.updated.push(existing.path);
      continue;
    }
    const parentId = f.parentPath === null ? null : (placed.get(f.parentPath) ?? null);
    const { guid, name, children: _c, ...fields } = f.spec;
    const row = insertNewCode(action, parentId, name, fields, guid && !byGuid.has(guid) ? guid : undefined);
    placed.set(f.path, row.id);
    report.created.push(f.path);
    refresh();
  }
  return report;
}

/** A code book given as text; `name` (its file name) names it in messages. */
export function parseCodebookText(text: string, format: 'json' | 'csv', name: string): CodeSpec[] {
  return format === 'json' ? parseCodebookJson(text, name) : parseCodebookCsv(text, name);
}

export function parseCodebookFile(file: string): CodeSpec[] {
  const name = basename(file);
  const ext = extname(file).toLowerCase();
  const text = readTextFile(file);
  if (ext === '.json' || ext === '.csv') return parseCodebookText(text, ext === '.json' ? 'json' : 'csv', name);
  return fail('unsupported_format', `${name}: a code book must be .json or .csv`);
}

function importSpecs(session: Session, specs: CodeSpec[], name: string, update: boolean): CodebookImportReport {
  if (specs.length === 0) fail('invalid_input', `${name}: the code book has no codes`);
  return runAction(session.project, session.actor, (action) => mergeSpecs(action, specs, update));
}

export function importCodebook(session: Session, file: string, options: { update?: boolean } = {}): CodebookImportReport {
  return importSpecs(session, parseCodebookFile(file), basename(file), options.update ?? false);
}

/** The same, for a code book its caller has read (the API takes text, not paths). */
export function importCodebookText(
  session: Session,
  text: string,
  format: 'json' | 'csv',
  name: string,
  options: { update?: boolean } = {},
): CodebookImportReport {
  return importSpecs(session, parseCodebookText(text, format, name), name, options.update ?? false);
}
