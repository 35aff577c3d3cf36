/**
 * The Project XML read into plain records, before anything is written. Ids are kept as the file
 * gives them (a GUID normalised to lower case without braces, anything else as it is), so
 * references resolve even when a tool writes ids that are not GUIDs. What we cannot map is
 * reported here, by kind, name and reason.
 */
import type { RefiReportItem } from '../../../../shared/api/types-refi-import.js';
import { normalizeRefiGuid } from '../../../../shared/refi/index.js';
import { attr, child, childText, kids, type XmlNode } from './xml.js';

export class ReportLog {
  readonly adjusted: RefiReportItem[] = [];
  readonly skipped: RefiReportItem[] = [];
  adjust(kind: string, item: string, reason: string): void {
    this.adjusted.push({ kind, item, reason });
  }
  skip(kind: string, item: string, reason: string): void {
    this.skipped.push({ kind, item, reason });
  }
}

/** An id as a lookup key: a GUID in canonical form, or the raw id. */
export const keyOf = (raw: string | undefined): string | undefined => (raw === undefined ? undefined : (normalizeRefiGuid(raw) ?? raw.trim()));

export interface QCode {
  key: string;
  name: string;
  color: string | undefined;
  description: string;
  noteKeys: string[];
  children: QCode[];
}

export interface QCoding {
  key: string;
  codeKey: string | undefined;
  userKey: string | undefined;
  noteKeys: string[];
}

export interface QSelection {
  key: string;
  start: number;
  end: number;
  userKey: string | undefined;
  codings: QCoding[];
  noteKeys: string[];
}

export interface QSource {
  key: string;
  name: string;
  plainTextPath: string | undefined;
  richTextPath: string | undefined;
  /** Original files of PDF/picture/media sources, to guess a text original from. */
  path: string | undefined;
  content: string | undefined;
  selections: QSelection[];
  /** Codings of the whole source (a Coding directly under TextSource). */
  wholeCodings: QCoding[];
  noteKeys: string[];
  userKey: string | undefined;
  /** Where it came from when it is not a TextSource (a PDF's text representation, a media transcript). */
  via: string | undefined;
}

export interface QVariable {
  key: string;
  name: string;
  type: string;
}

export interface QCase {
  key: string;
  name: string;
  description: string;
  values: { variableKey: string; value: string | undefined }[];
  sourceKeys: string[];
  noteKeys: string[];
}

export interface QNote {
  key: string;
  name: string;
  content: string | undefined;
  plainTextPath: string | undefined;
}

export interface QProject {
  name: string;
  origin: string | undefined;
  creatingUserKey: string | undefined;
  users: { key: string; name: string }[];
  codes: QCode[];
  variables: QVariable[];
  cases: QCase[];
  sources: QSource[];
  notes: QNote[];
  projectNoteKeys: string[];
  description: string;
}

const noteKeysOf = (n: XmlNode) => kids(n, 'NoteRef').flatMap((r) => keyOf(attr(r, 'targetGUID')) ?? []);

export function readCodes(parent: XmlNode | undefined): QCode[] {
  return kids(parent, 'Code').map((c) => ({
    key: keyOf(attr(c, 'guid')) ?? '',
    name: attr(c, 'name') ?? '',
    color: attr(c, 'color'),
    description: childText(c, 'Description') ?? '',
    noteKeys: noteKeysOf(c),
    children: readCodes(c),
  }));
}

function readCoding(c: XmlNode): QCoding {
  return {
    key: keyOf(attr(c, 'guid')) ?? '',
    codeKey: keyOf(attr(child(c, 'CodeRef'), 'targetGUID')),
    userKey: keyOf(attr(c, 'creatingUser')),
    noteKeys: noteKeysOf(c),
  };
}

function readTextSource(s: XmlNode, log: ReportLog, via?: string, fallbackName?: string): QSource {
  const name = attr(s, 'name') ?? fallbackName ?? attr(s, 'guid') ?? 'Untitled source';
  const selections: QSelection[] = [];
  for (const p of kids(s, 'PlainTextSelection')) {
    const key = keyOf(attr(p, 'guid')) ?? '';
    const start = Number(attr(p, 'startPosition'));
    const end = Number(attr(p, 'endPosition'));
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      log.skip('selection', `${name}: ${key}`, `its positions ("${attr(p, 'startPosition')}", "${attr(p, 'endPosition')}") are not whole numbers`);
      continue;
    }
    selections.push({ key, start, end, userKey: keyOf(attr(p, 'creatingUser')), codings: kids(p, 'Coding').map(readCoding), noteKeys: noteKeysOf(p) });
  }
  return {
    key: keyOf(attr(s, 'guid')) ?? '',
    name,
    plainTextPath: attr(s, 'plainTextPath'),
    richTextPath: attr(s, 'richTextPath'),
    path: attr(s, 'path') ?? attr(s, 'currentPath'),
    content: childText(s, 'PlainTextContent'),
    selections,
    wholeCodings: kids(s, 'Coding').map(readCoding),
    noteKeys: noteKeysOf(s),
    userKey: keyOf(attr(s, 'creatingUser')),
    via,
  };
}

const MEDIA = [
  ['PDFSource', 'PDF', 'PDFSelection'],
  ['PictureSource', 'picture', 'PictureSelection'],
  ['AudioSource', 'audio', 'AudioSelection'],
  ['VideoSource', 'video', 'VideoSelection'],
] as const;

function readSources(sources: XmlNode | undefined, log: ReportLog): QSource[] {
  const out = kids(sources, 'TextSource').map((s) => readTextSource(s, log));
  for (const [el, label, selectionEl] of MEDIA) {
    for (const m of kids(sources, el)) {
      const name = attr(m, 'name') ?? attr(m, 'guid') ?? label;
      // A PDF's text representation, or a media file's transcript, is text we can keep.
      const text = el === 'PDFSource' ? child(m, 'Representation') : el === 'PictureSource' ? child(m, 'TextDescription') : kids(m, 'Transcript')[0];
      const regions = kids(m, selectionEl).length + kids(m, 'Coding').length;
      if (text && (childText(text, 'PlainTextContent') !== undefined || attr(text, 'plainTextPath'))) {
        out.push(readTextSource(text, log, `the text of ${label} source "${name}"`, name));
        log.adjust('source', name, `${label} source: its text was imported as a document; the ${label} file itself is not kept`);
        if (regions) log.skip('selection', name, `${regions} ${label} region coding${regions === 1 ? '' : 's'} cannot be placed in text`);
      } else {
        log.skip(
          'source',
          name,
          `${label} sources cannot be imported (Marginalia codes text)${regions ? `; with it ${regions} coding${regions === 1 ? '' : 's'}` : ''}`,
        );
      }
    }
  }
  return out;
}

export function readProject(root: XmlNode, log: ReportLog): QProject {
  const users = kids(child(root, 'Users'), 'User').map((u) => ({ key: keyOf(attr(u, 'guid')) ?? '', name: (attr(u, 'name') ?? attr(u, 'id') ?? '').trim() }));
  const variables = kids(child(root, 'Variables'), 'Variable').map((v) => ({
    key: keyOf(attr(v, 'guid')) ?? '',
    name: (attr(v, 'name') ?? '').trim(),
    type: attr(v, 'typeOfVariable') ?? 'Text',
  }));
  const cases = kids(child(root, 'Cases'), 'Case').map((c) => {
    const name = (attr(c, 'name') ?? '').trim() || (attr(c, 'guid') ?? 'Unnamed case');
    const codeRefs = kids(c, 'CodeRef').length;
    const selectionRefs = kids(c, 'SelectionRef').length;
    if (codeRefs) log.skip('case', name, `${codeRefs} code links of the case have no place in Marginalia`);
    if (selectionRefs) log.skip('case', name, `${selectionRefs} selections linked to the case were not linked (a case holds whole documents here)`);
    return {
      key: keyOf(attr(c, 'guid')) ?? '',
      name,
      description: childText(c, 'Description') ?? '',
      values: kids(c, 'VariableValue').map((vv) => ({ variableKey: keyOf(attr(child(vv, 'VariableRef'), 'targetGUID')) ?? '', value: valueOf(vv) })),
      sourceKeys: kids(c, 'SourceRef').flatMap((r) => keyOf(attr(r, 'targetGUID')) ?? []),
      noteKeys: noteKeysOf(c),
    };
  });
  const notes = kids(child(root, 'Notes'), 'Note').map((n) => ({
    key: keyOf(attr(n, 'guid')) ?? '',
    name: attr(n, 'name') ?? '',
    content: childText(n, 'PlainTextContent'),
    plainTextPath: attr(n, 'plainTextPath'),
  }));
  const sourcesEl = child(root, 'Sources');
  for (const s of kids(sourcesEl, 'TextSource')) {
    const n = kids(s, 'VariableValue').length;
    if (n) log.skip('variable', attr(s, 'name') ?? '', `${n} values set on the source itself (Marginalia keeps attributes on cases)`);
  }
  reportUnmapped(root, log);
  return {
    name: attr(root, 'name') ?? '',
    origin: attr(root, 'origin'),
    creatingUserKey: keyOf(attr(root, 'creatingUserGUID')),
    users,
    codes: readCodes(child(root, 'CodeBook') && child(child(root, 'CodeBook'), 'Codes')),
    variables,
    cases,
    sources: readSources(sourcesEl, log),
    notes,
    projectNoteKeys: noteKeysOf(root),
    description: childText(root, 'Description') ?? '',
  };
}

function valueOf(vv: XmlNode): string | undefined {
  for (const el of ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue']) {
    const t = childText(vv, el);
    if (t !== undefined) return t;
  }
  return undefined;
}

/** Sets, Links and Graphs: named and counted, never imported. */
export function reportUnmapped(root: XmlNode, log: ReportLog): void {
  const sets = kids(child(root, 'Sets'), 'Set');
  for (const s of sets) log.skip('set', attr(s, 'name') ?? attr(s, 'guid') ?? 'set', 'sets are not kept (Marginalia has no sets)');
  for (const l of kids(child(root, 'Links'), 'Link')) log.skip('link', attr(l, 'name') ?? attr(l, 'guid') ?? 'link', 'links between items are not kept');
  for (const g of kids(child(root, 'Graphs'), 'Graph')) {
    const v = kids(g, 'Vertex').length;
    const e = kids(g, 'Edge').length;
    log.skip('graph', attr(g, 'name') ?? attr(g, 'guid') ?? 'graph', `graphs are not kept (${v} node${v === 1 ? '' : 's'}, ${e} edge${e === 1 ? '' : 's'})`);
  }
}
