/**
 * A source's PlainTextSelections and Codings turned into codings on our stored text: positions
 * mapped (positions.ts), zero-length selections and codings of unknown codes skipped and
 * reported, codings by a user the file does not list kept (import-project.ts makes that user a
 * coder), overlapping selections of one code by one coder joined (our span-union rule).
 * A selection past the end of its text, under every way of counting, refuses the whole file.
 */
import { fail } from '../../../../shared/errors.js';
import type { SourceText } from './archive.js';
import type { QCoding, QSource, ReportLog } from './model.js';
import { chooseCounting, COUNTING_LABEL, type Counting } from './positions.js';

export interface PlannedCoding {
  key: string;
  codeKey: string;
  /** null: no coder named anywhere (the import's stand-in coder). */
  userKey: string | null;
  start: number;
  end: number;
  noteKeys: string[];
}

export interface Known {
  codes: Set<string>;
  users: Set<string>;
  /** A coder to use when a coding names none (the project's creating user, if listed). */
  fallbackUser: string | null;
  /** Users that codings name but the file's <Users> does not list; filled here. */
  unlisted: Set<string>;
}

export function planCodings(file: string, s: QSource, text: SourceText, known: Known, preferred: Counting[], log: ReportLog): PlannedCoding[] {
  const valid = s.selections.filter((sel) => {
    if (sel.start === sel.end) {
      log.skip('selection', `${s.name}: ${sel.key}`, `zero-length selection at ${sel.start} (nothing to code)`);
      return false;
    }
    if (sel.start > sel.end || sel.start < 0) {
      log.skip('selection', `${s.name}: ${sel.key}`, `its start (${sel.start}) is after its end (${sel.end}) or negative`);
      return false;
    }
    return true;
  });
  const choice = chooseCounting(text.raw, text.stored, valid, preferred);
  if (!choice) {
    const worst = valid.reduce((a, b) => (b.end > a.end ? b : a));
    const length = [...text.raw].length;
    fail(
      'invalid_input',
      `${file}: selection ${worst.key} in "${s.name}" ends at ${worst.end}, beyond the end of its text (${length} characters); the file is damaged or its text is not the one coded`,
    );
  }
  if (choice.adjusted) log.adjust('source', s.name, `positions read as ${COUNTING_LABEL[choice.table.counting]}, and mapped onto the stored text`);
  const map = choice.table.toStored;
  const out: PlannedCoding[] = [];
  const take = (c: QCoding, start: number, end: number, selectionUser: string | undefined, extraNotes: string[], where: string) => {
    if (!c.codeKey || !known.codes.has(c.codeKey)) {
      log.skip('coding', where, `its code ${c.codeKey ?? '(none)'} is not in the code book`);
      return;
    }
    const user = c.userKey ?? selectionUser;
    if (user !== undefined && !known.users.has(user)) known.unlisted.add(user);
    out.push({ key: c.key, codeKey: c.codeKey, userKey: user ?? known.fallbackUser, start, end, noteKeys: [...extraNotes, ...c.noteKeys] });
  };
  for (const sel of valid) {
    const start = map[sel.start]!;
    const end = map[sel.end]!;
    const where = `${s.name}: ${JSON.stringify(text.stored.slice(start, Math.min(end, start + 40)))}`;
    if (start >= end) {
      log.skip('selection', where, 'it covers only a line break that the stored text does not have');
      continue;
    }
    if (sel.codings.length === 0) log.skip('selection', where, 'a selection with no coding (nothing to import)');
    sel.codings.forEach((c, i) => take(c, start, end, sel.userKey, i === 0 ? sel.noteKeys : [], where));
  }
  if (s.wholeCodings.length && text.stored.length > 0) {
    for (const c of s.wholeCodings) take(c, 0, text.stored.length, s.userKey, [], `${s.name} (whole source)`);
    log.adjust('source', s.name, `${s.wholeCodings.length} codings of the whole source became codings of its whole text`);
  }
  return joinOverlaps(out, s.name, log);
}

/** One code by one coder never overlaps itself: touching or overlapping spans become one. */
function joinOverlaps(list: PlannedCoding[], source: string, log: ReportLog): PlannedCoding[] {
  const groups = new Map<string, PlannedCoding[]>();
  for (const c of list) {
    const k = `${c.codeKey}\u0000${c.userKey ?? ''}`;
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  const out: PlannedCoding[] = [];
  let joined = 0;
  for (const g of groups.values()) {
    g.sort((a, b) => a.start - b.start || a.end - b.end);
    let cur: PlannedCoding | null = null;
    for (const c of g) {
      if (cur && c.start <= cur.end) {
        cur.end = Math.max(cur.end, c.end);
        cur.noteKeys.push(...c.noteKeys);
        joined += 1;
      } else {
        if (cur) out.push(cur);
        cur = { ...c, noteKeys: [...c.noteKeys] };
      }
    }
    if (cur) out.push(cur);
  }
  if (joined) log.adjust('coding', source, `${joined} overlapping or touching selections of the same code by the same coder were joined into one coding each`);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
