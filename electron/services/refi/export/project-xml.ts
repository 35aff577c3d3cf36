/**
 * The project.qde of a .qdpx (QDA-XML 1.0, Project.xsd). Element order follows the schema's
 * sequences; empty containers are left out because the schema requires at least one child.
 * Positions are Unicode code points (see shared/refi/offsets.ts). Output is deterministic: the
 * same project gives byte-identical XML.
 */
import {
  ATTR,
  EL,
  INTERNAL_PREFIX,
  NS_PROJECT,
  ORIGIN,
  OffsetMap,
  VARIABLE_TYPE_OUT,
  composeDescription,
  deriveGuid,
  normalizeRefiGuid,
  refiGuidFor,
  xmlAttr,
  xmlText,
  type DerivedKind,
} from '../../../../shared/refi/index.js';
import type { RefiSnapshot, SnapCode, SnapMemo } from './snapshot.js';
import { refiValue } from './values.js';

const RGB = /^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

export interface ProjectXml {
  xml: string;
  /** sources/<file> → the document's text. */
  sources: { file: string; text: string }[];
  counts: { users: number; codes: number; variables: number; cases: number; sources: number; selections: number; notes: number };
}

/** Attributes as ` a="v"`, skipping undefined and empty values. */
export function attrs(list: [string, string | undefined][]): string {
  let s = '';
  for (const [k, v] of list) if (v !== undefined && v !== '') s += ` ${k}="${xmlAttr(v)}"`;
  return s;
}

export function projectNamespace(snap: RefiSnapshot): string {
  return normalizeRefiGuid(snap.project.guid) ?? deriveGuid('00000000-0000-0000-0000-000000000000', 'project', snap.project.guid || snap.project.name);
}

export function codeColor(color: string): string | undefined {
  return RGB.test(color.trim()) ? color.trim().toLowerCase() : undefined;
}

/** A stored ISO time as xsd:dateTime, or undefined when it is not one. */
export function dateTime(s: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(s) ? s : undefined;
}

export function buildProjectXml(snap: RefiSnapshot): ProjectXml {
  const ns = projectNamespace(snap);
  const g = (kind: DerivedKind, stored: string) => refiGuidFor(ns, kind, stored);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<${EL.Project} xmlns="${NS_PROJECT}"${attrs([
      [ATTR.name, snap.project.name || 'Marginalia project'],
      [ATTR.origin, ORIGIN],
      [ATTR.creationDateTime, dateTime(snap.project.createdAt)],
    ])}>`,
  );

  const coderGuid = new Map(snap.coders.map((c) => [c.id, g('user', c.guid)]));
  const codeGuid = new Map(snap.codes.map((c) => [c.id, g('code', c.guid)]));
  const docGuid = new Map(snap.documents.map((d) => [d.id, g('source', d.guid)]));
  const attrGuid = new Map(snap.attributes.map((a) => [a.id, g('variable', a.guid)]));

  // Memos become Notes, except a case's: Case has no NoteRef in the schema, so it is the Case's Description.
  const memoOf = (kind: SnapMemo['kind'], id: number) => memoIndex.get(`${kind}:${id}`);
  const memoIndex = new Map(snap.memos.map((m) => [`${m.kind}:${m.targetId}`, m]));
  const noteGuid = (m: SnapMemo) => g('note', m.guid);
  const noteRef = (pad: string, kind: SnapMemo['kind'], id: number) => {
    const m = memoOf(kind, id);
    return m ? `${pad}<${EL.NoteRef}${attrs([[ATTR.targetGUID, noteGuid(m)]])}/>` : null;
  };
  const push = (line: string | null) => {
    if (line !== null) out.push(line);
  };

  if (snap.coders.length) {
    out.push(`  <${EL.Users}>`);
    for (const c of snap.coders)
      out.push(
        `    <${EL.User}${attrs([
          [ATTR.guid, coderGuid.get(c.id)],
          [ATTR.name, c.name],
        ])}/>`,
      );
    out.push(`  </${EL.Users}>`);
  }

  if (snap.codes.length) {
    out.push(`  <${EL.CodeBook}>`, `    <${EL.Codes}>`);
    writeCodes(
      out,
      snap.codes,
      '      ',
      (c) => codeGuid.get(c.id)!,
      (c, pad) => noteRef(pad, 'code', c.id),
    );
    out.push(`    </${EL.Codes}>`, `  </${EL.CodeBook}>`);
  }

  if (snap.attributes.length) {
    out.push(`  <${EL.Variables}>`);
    for (const a of snap.attributes) {
      out.push(
        `    <${EL.Variable}${attrs([
          [ATTR.guid, attrGuid.get(a.id)],
          [ATTR.name, a.name],
          [ATTR.typeOfVariable, VARIABLE_TYPE_OUT[a.type]],
        ])}/>`,
      );
    }
    out.push(`  </${EL.Variables}>`);
  }

  if (snap.cases.length) {
    const attrById = new Map(snap.attributes.map((a) => [a.id, a]));
    const docsOfCase = new Map<number, number[]>();
    for (const d of snap.documents) if (d.caseId !== null) docsOfCase.set(d.caseId, [...(docsOfCase.get(d.caseId) ?? []), d.id]);
    out.push(`  <${EL.Cases}>`);
    for (const c of snap.cases) {
      out.push(
        `    <${EL.Case}${attrs([
          [ATTR.guid, g('case', c.guid)],
          [ATTR.name, c.name],
        ])}>`,
      );
      const memo = memoOf('case', c.id);
      if (memo) out.push(`      <${EL.Description}>${xmlText(memo.body)}</${EL.Description}>`);
      for (const v of c.values) {
        const a = attrById.get(v.attributeId);
        const val = a && refiValue(a.type, v.value);
        if (!a || !val) continue;
        out.push(
          `      <${EL.VariableValue}><${EL.VariableRef}${attrs([[ATTR.targetGUID, attrGuid.get(a.id)]])}/><${val.element}>${xmlText(val.text)}</${val.element}></${EL.VariableValue}>`,
        );
      }
      for (const d of docsOfCase.get(c.id) ?? []) out.push(`      <${EL.SourceRef}${attrs([[ATTR.targetGUID, docGuid.get(d)]])}/>`);
      out.push(`    </${EL.Case}>`);
    }
    out.push(`  </${EL.Cases}>`);
  }

  const sources: ProjectXml['sources'] = [];
  let selections = 0;
  if (snap.documents.length) {
    const codingsOf = new Map<number, RefiSnapshot['codings']>();
    for (const c of snap.codings) {
      const list = codingsOf.get(c.documentId);
      if (list) list.push(c);
      else codingsOf.set(c.documentId, [c]);
    }
    out.push(`  <${EL.Sources}>`);
    for (const d of snap.documents) {
      const guid = docGuid.get(d.id)!;
      const file = `${guid}.txt`;
      sources.push({ file, text: d.text });
      out.push(
        `    <${EL.TextSource}${attrs([
          [ATTR.guid, guid],
          [ATTR.name, d.name],
          [ATTR.plainTextPath, `${INTERNAL_PREFIX}${file}`],
          [ATTR.creationDateTime, dateTime(d.importedAt)],
        ])}>`,
      );
      const map = new OffsetMap(d.text);
      for (const c of codingsOf.get(d.id) ?? []) {
        const user = coderGuid.get(c.coderId);
        const when = dateTime(c.createdAt);
        const codingGuid = g('coding', c.guid);
        out.push(
          `      <${EL.PlainTextSelection}${attrs([
            [ATTR.guid, deriveGuid(ns, 'selection', codingGuid)],
            [ATTR.startPosition, String(map.toCodePoint(c.start))],
            [ATTR.endPosition, String(map.toCodePoint(c.end))],
            [ATTR.creatingUser, user],
            [ATTR.creationDateTime, when],
          ])}>`,
          `        <${EL.Coding}${attrs([
            [ATTR.guid, codingGuid],
            [ATTR.creatingUser, user],
            [ATTR.creationDateTime, when],
          ])}>`,
          `          <${EL.CodeRef}${attrs([[ATTR.targetGUID, codeGuid.get(c.codeId)]])}/>`,
        );
        push(noteRef('          ', 'coding', c.id));
        out.push(`        </${EL.Coding}>`, `      </${EL.PlainTextSelection}>`);
        selections += 1;
      }
      push(noteRef('      ', 'document', d.id));
      out.push(`    </${EL.TextSource}>`);
    }
    out.push(`  </${EL.Sources}>`);
  }

  const exists = targetsOf(snap);
  const notes = snap.memos.filter((m) => exists[m.kind].has(m.targetId));
  if (notes.length) {
    out.push(`  <${EL.Notes}>`);
    for (const m of notes) {
      out.push(
        `    <${EL.Note}${attrs([
          [ATTR.guid, noteGuid(m)],
          [ATTR.name, noteName(snap, m)],
          [ATTR.creationDateTime, dateTime(m.createdAt)],
          [ATTR.modifiedDateTime, dateTime(m.updatedAt)],
        ])}>`,
        `      <${EL.PlainTextContent}>${xmlText(m.body)}</${EL.PlainTextContent}>`,
        `    </${EL.Note}>`,
      );
    }
    out.push(`  </${EL.Notes}>`);
  }
  push(noteRef('  ', 'project', 0));
  out.push(`</${EL.Project}>`, '');
  return {
    xml: out.join('\n'),
    sources,
    counts: {
      users: snap.coders.length,
      codes: snap.codes.length,
      variables: snap.attributes.length,
      cases: snap.cases.length,
      sources: snap.documents.length,
      selections,
      notes: notes.length,
    },
  };
}

/** Code elements, nested by parent; `extra` adds elements after Description (the project's NoteRef). */
export function writeCodes(
  out: string[],
  codes: SnapCode[],
  pad: string,
  guidOf: (c: SnapCode) => string,
  extra?: (c: SnapCode, pad: string) => string | null,
): void {
  const children = new Map<number | null, SnapCode[]>();
  for (const c of codes) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const walk = (parent: number | null, p: string) => {
    for (const c of children.get(parent) ?? []) {
      const head = `${p}<${EL.Code}${attrs([
        [ATTR.guid, guidOf(c)],
        [ATTR.name, c.name],
        [ATTR.isCodable, 'true'],
        [ATTR.color, codeColor(c.color)],
      ])}`;
      const desc = composeDescription(c);
      const more = extra?.(c, `${p}  `) ?? null;
      const kids = children.get(c.id) ?? [];
      if (!desc && !more && kids.length === 0) {
        out.push(`${head}/>`);
        continue;
      }
      out.push(`${head}>`);
      if (desc) out.push(`${p}  <${EL.Description}>${xmlText(desc)}</${EL.Description}>`);
      if (more) out.push(more);
      walk(c.id, `${p}  `);
      out.push(`${p}</${EL.Code}>`);
    }
  };
  walk(null, pad);
}

/** Memo targets that are in the file (a case memo is the Case's Description, never a Note). */
function targetsOf(snap: RefiSnapshot): Record<SnapMemo['kind'], Set<number>> {
  return {
    project: new Set([0]),
    document: new Set(snap.documents.map((d) => d.id)),
    code: new Set(snap.codes.map((c) => c.id)),
    coding: new Set(snap.codings.map((c) => c.id)),
    case: new Set(),
  };
}

function noteName(snap: RefiSnapshot, m: SnapMemo): string {
  switch (m.kind) {
    case 'project':
      return `Memo: ${snap.project.name || 'project'}`;
    case 'document':
      return `Memo: ${snap.documents.find((d) => d.id === m.targetId)?.name ?? 'document'}`;
    case 'code':
      return `Memo: ${snap.codes.find((c) => c.id === m.targetId)?.name ?? 'code'}`;
    default:
      return 'Coding memo';
  }
}
