/**
 * Planning a correction: from the stored text and the hunks, where every coding, turn, cue,
 * speaker case and consensus decision goes, and the report the user sees before and after.
 */
import type { Db } from '../../../db/open.js';
import { codeById } from '../../../db/queries/codes.js';
import { decisionByGuid } from '../../../db/queries/consensus.js';
import type { DocumentMeta } from '../../../db/queries/documents.js';
import { findCodings } from '../../../db/queries/codings.js';
import { coderById } from '../../../db/queries/snapshots.js';
import type { CodingChange, TextChange, TextEditReport } from '../../../shared/api/types-transcript-edit.js';
import { applyHunks, mapOffset, mapSpan, splitsPair, type Hunk } from '../../../shared/text/edit-map.js';
import { detectTurns } from '../../../shared/text/turns.js';
import type { Turn } from '../../../shared/types.js';
import { disagreementId } from '../agreement/disagreements.js';
import { codeIndexOf } from '../code-index.js';
import { contentHash } from '../documents.js';
import { isOrphan, type CodingSide, type DecisionSide, type Side } from './state.js';

const CONTEXT = 30;

export interface Plan {
  to: Side;
  report: TextEditReport;
}

const sameTurns = (a: Turn[], b: Turn[]) =>
  a.length === b.length &&
  a.every((t, i) => t.start === b[i]!.start && t.end === b[i]!.end && t.speaker === b[i]!.speaker && t.speechStart === b[i]!.speechStart);

/** Turns found by the detector are found again in the new text (a corrected label renames its speaker); a format's own turns are shifted. */
function newTurns(oldText: string, newText: string, turns: Turn[], hunks: Hunk[]): Turn[] {
  if (sameTurns(turns, detectTurns(oldText))) return detectTurns(newText);
  const out: Turn[] = [];
  for (const t of turns) {
    const m = mapSpan(t, hunks);
    if (m.kind === 'orphan') continue;
    const speechStart = Math.min(Math.max(mapOffset(t.speechStart, hunks, 'start'), m.start), m.end);
    out.push({ speaker: t.speaker, start: m.start, end: m.end, speechStart });
  }
  return out;
}

/** A speaker's case follows its label when the label was corrected (its old name gone, a new one at the same turn). */
function newSpeakerCases(old: Side, turns: Turn[], hunks: Hunk[]): { list: Side['speakerCases']; renamed: { from: string; to: string }[]; dropped: string[] } {
  const oldSpeakers = new Set(old.turns.map((t) => t.speaker));
  const newSpeakers = new Set(turns.map((t) => t.speaker));
  const renames = new Map<string, string>();
  for (const t of old.turns) {
    if (newSpeakers.has(t.speaker) || renames.has(t.speaker)) continue;
    const at = mapOffset(t.start, hunks, 'start');
    const n = turns.find((x) => x.start <= at && at < x.end);
    if (n && !oldSpeakers.has(n.speaker)) renames.set(t.speaker, n.speaker);
  }
  const list: Side['speakerCases'] = [];
  const renamed: { from: string; to: string }[] = [];
  const dropped: string[] = [];
  for (const s of old.speakerCases) {
    if (newSpeakers.has(s.speaker)) list.push(s);
    else if (renames.has(s.speaker) && !old.speakerCases.some((x) => x.speaker === renames.get(s.speaker))) {
      list.push({ speaker: renames.get(s.speaker)!, caseId: s.caseId });
      renamed.push({ from: s.speaker, to: renames.get(s.speaker)! });
    } else dropped.push(s.speaker);
  }
  return { list, renamed, dropped };
}

/** A decision's span moves with the text, and its id is recomputed from the new span; a decision whose words are gone is left as it was (it shows as stale). */
function newDecisions(db: Db, doc: DocumentMeta, decisions: DecisionSide[], hunks: Hunk[]): DecisionSide[] {
  const codes = codeIndexOf(db).byId;
  return decisions.map((d) => {
    const m = mapSpan(d, hunks);
    if (m.kind === 'orphan') return d;
    const row = decisionByGuid(db, d.guid)!;
    let customStart = d.customStart;
    let customEnd = d.customEnd;
    if (customStart !== null && customEnd !== null) {
      const c = mapSpan({ start: customStart, end: customEnd }, hunks);
      if (c.kind !== 'orphan') [customStart, customEnd] = [c.start, c.end];
    }
    const a = coderById(db, row.coderAId);
    const b = coderById(db, row.coderBId);
    const code = codes.get(row.codeId);
    const itemId =
      a && b && code
        ? disagreementId({ documentGuid: doc.guid, codeGuid: code.guid, coders: [a.guid, b.guid], kind: row.kind, start: m.start, end: m.end })
        : d.itemId;
    return { ...d, itemId, start: m.start, end: m.end, customStart, customEnd };
  });
}

function lineOf(text: string, at: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/** Clamps `at` into the text, moved off the middle of a surrogate pair. */
function pairSafe(text: string, at: number, dir: 1 | -1): number {
  const i = Math.min(Math.max(at, 0), text.length);
  return splitsPair(text, i) ? i + dir : i;
}

/** For showing: each change widened to whole words ("i" → "í" shows as "Martin" → "Martín"), and changes within one word joined. */
function displayGroups(oldText: string, hunks: Hunk[]): Hunk[] {
  const WORD = /[\p{L}\p{M}\p{N}'’]/u;
  const groups: { start: number; end: number; hunks: Hunk[] }[] = [];
  for (const h of hunks) {
    let start = h.start;
    let end = h.end;
    // Widened only where the change itself is part of a word (not a deleted sentence ending before one).
    const removed = oldText.slice(h.start, h.end);
    const wordAt = (s: string, i: number) => s.length > 0 && WORD.test(s.at(i)!);
    if (wordAt(removed, 0) || wordAt(h.text, 0)) while (start > 0 && h.start - start < 40 && WORD.test(oldText[start - 1]!)) start -= 1;
    if (wordAt(removed, -1) || wordAt(h.text, -1)) while (end < oldText.length && end - h.end < 40 && WORD.test(oldText[end]!)) end += 1;
    const last = groups.at(-1);
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.hunks.push(h);
    } else groups.push({ start, end, hunks: [h] });
  }
  return groups.map((g) => {
    const local = g.hunks.map((h) => ({ start: h.start - g.start, end: h.end - g.start, text: h.text }));
    return { start: g.start, end: g.end, text: applyHunks(oldText.slice(g.start, g.end), local) };
  });
}

function changesOf(oldText: string, hunks: Hunk[]): TextChange[] {
  return displayGroups(oldText, hunks)
    .slice(0, 200)
    .map((h) => ({
      start: h.start,
      end: h.end,
      removed: oldText.slice(h.start, h.end),
      inserted: h.text,
      line: lineOf(oldText, h.start),
      before: oldText.slice(pairSafe(oldText, h.start - CONTEXT, -1), h.start),
      after: oldText.slice(h.end, pairSafe(oldText, h.end + CONTEXT, 1)),
    }));
}

export function planEdit(db: Db, doc: DocumentMeta, old: Side & { text: string }, newText: string, hunks: Hunk[]): Plan {
  const codings: CodingSide[] = [];
  const changes: CodingChange[] = [];
  const counts = { unchanged: 0, moved: 0, edited: 0, trimmed: 0, orphaned: 0 };
  const rows = new Map(findCodings(db, { documentIds: [doc.id] }).map((c) => [c.guid, c]));
  const codes = codeIndexOf(db).byId;
  for (const c of old.codings) {
    if (isOrphan(c)) {
      codings.push({ ...c, orphanAt: mapOffset(c.orphanAt, hunks, 'end') });
      continue;
    }
    const m = mapSpan(c, hunks);
    const row = rows.get(c.guid)!;
    const code = codes.get(row.codeId) ?? (codeById(db, row.codeId) as { guid: string; path?: string; name: string });
    const coder = coderById(db, row.coderId)!;
    const base = {
      guid: c.guid,
      code: code.path ?? code.name,
      codeGuid: code.guid,
      coder: coder.name,
      coderGuid: coder.guid,
      before: { start: c.start, end: c.end, quote: c.quote },
    };
    if (m.kind === 'orphan') {
      codings.push({ guid: c.guid, orphanAt: m.at, quote: c.quote });
      counts.orphaned += 1;
      changes.push({ ...base, fate: 'orphaned', after: null });
      continue;
    }
    const quote = newText.slice(m.start, m.end);
    codings.push({ guid: c.guid, start: m.start, end: m.end, quote });
    if (m.kind === 'same') counts.unchanged += 1;
    else {
      counts[m.kind] += 1;
      changes.push({ ...base, fate: m.kind, after: { start: m.start, end: m.end, quote } });
    }
  }
  changes.sort((x, y) => x.before.start - y.before.start || x.before.end - y.before.end);
  const turns = newTurns(old.text, newText, old.turns, hunks);
  const cues = old.cues.flatMap((c) => {
    const m = mapSpan(c, hunks);
    return m.kind === 'orphan' ? [] : [{ start: m.start, end: m.end, beginMs: c.beginMs, endMs: c.endMs }];
  });
  const speakers = newSpeakerCases(old, turns, hunks);
  // Rows keep their ids in order, so a correction that does not add turns or cues adds no rows.
  const reuse = <T>(rows: T[], ids: { id?: number }[]) => rows.map((r, i) => (i < ids.length && ids[i]!.id !== undefined ? { ...r, id: ids[i]!.id } : r));
  const to: Side = {
    name: doc.name,
    length: newText.length,
    contentHash: contentHash(newText),
    hunks,
    turns: reuse(turns, old.turns),
    cues: reuse(cues, old.cues),
    speakerCases: speakers.list,
    codings,
    decisions: newDecisions(db, doc, old.decisions, hunks),
  };
  const report: TextEditReport = {
    document: doc.name,
    documentGuid: doc.guid,
    oldLength: old.text.length,
    newLength: newText.length,
    changes: changesOf(old.text, hunks),
    counts,
    codings: changes,
    speakers: { renamed: speakers.renamed, dropped: speakers.dropped },
    applied: false,
  };
  return { to, report };
}
