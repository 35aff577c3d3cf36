/**
 * Property: on a real project file, any correction leaves every surviving coding's text equal
 * to its stored quote, every orphan holding the quote it had, nothing dropped, and undo gives
 * back the project exactly.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createCode } from '../../electron/services/codebook.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { documentContent } from '../../electron/services/documents.js';
import { editText } from '../../electron/services/transcript-edit/edit.js';
import { undo } from '../../electron/services/undo/history.js';
import { addText, dumpProject, tempProject } from './helpers.js';

const p = tempProject({ empty: true });
afterAll(() => p.done());
const s = p.session;
createCode(s, null, 'A');
createCode(s, null, 'B');
addCoder(s, 'Ann');
addCoder(s, 'Ben');

const words = fc.constantFrom('Jon', 'said', 'trust', 'café', '😀', 'no', 'Officer:', 'well,', 'we');
const seps = fc.constantFrom(' ', ' ', '\n', '\r\n', '\n\n');
const textOf = fc.array(fc.tuple(words, seps), { minLength: 4, maxLength: 30 }).map((xs) => xs.map(([w, sp]) => w + sp).join('') + 'end');

/** Code-point boundaries of a text, so codings and cuts never split a pair. */
const cuts = (t: string) => {
  const out = [0];
  for (const c of t) out.push(out.at(-1)! + c.length);
  return out;
};

const dump = () => JSON.stringify((JSON.parse(dumpProject(s)) as [string, unknown][]).filter(([t]) => t !== 'events'));
let n = 0;

describe('any correction (property)', () => {
  it('keeps each coding on its quote or keeps it as an orphan with its quote; undo restores exactly', () => {
    fc.assert(
      fc.property(
        textOf,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.option(words, { nil: '' })), { minLength: 1, maxLength: 4 }),
        (raw, codings, edits) => {
          n += 1;
          const name = `doc-${n}.txt`;
          const doc = addText(s, name, raw);
          const text = documentContent(s, name).text;
          const b = cuts(text);
          for (const [x, y, code, coder] of codings) {
            const i = x % (b.length - 1);
            const j = i + 1 + (y % (b.length - 1 - i));
            applyCoding(s, { document: name, code: code ? 'A' : 'B', coder: coder ? 'Ann' : 'Ben', start: b[i]!, end: b[j]! });
          }
          // The corrected text: a few cut-and-insert edits of the stored text, CRLF in the inserts.
          let next = text;
          for (const [at, len, ins] of edits) {
            const c = cuts(next);
            const i = at % c.length;
            const j = Math.min(c.length - 1, i + len);
            next = next.slice(0, c[i]) + (ins ? `${ins}\r\n` : '') + next.slice(c[j]);
          }
          const normalised = next.replace(/\r\n?/g, '\n');
          fc.pre(normalised !== text && normalised.trim().length > 0);
          const quotes = new Map(
            (s.project.sqlite.prepare('SELECT guid, quote FROM codings WHERE document_id = ?').all(doc.id) as { guid: string; quote: string }[]).map((r) => [
              r.guid,
              r.quote,
            ]),
          );
          const before = dump();
          const r = editText(s, doc.guid, { text: next });
          const stored = documentContent(s, name).text;
          expect(stored).toBe(normalised);
          const rows = s.project.sqlite.prepare('SELECT guid, start, "end", quote FROM codings WHERE document_id = ?').all(doc.id) as {
            guid: string;
            start: number;
            end: number;
            quote: string;
          }[];
          for (const c of rows) expect(stored.slice(c.start, c.end)).toBe(c.quote);
          const orphans = s.project.sqlite.prepare('SELECT guid, quote FROM coding_orphans WHERE document_id = ?').all(doc.id) as {
            guid: string;
            quote: string;
          }[];
          for (const o of orphans) expect(o.quote).toBe(quotes.get(o.guid));
          // Nothing dropped: every coding is still a coding or an orphan, and the report counts them all.
          expect(new Set([...rows.map((c) => c.guid), ...orphans.map((o) => o.guid)])).toEqual(new Set(quotes.keys()));
          expect(r.counts.orphaned).toBe(orphans.length);
          expect(Object.values(r.counts).reduce((x, y) => x + y, 0)).toBe(quotes.size);
          undo(s);
          expect(dump()).toBe(before);
        },
      ),
      { numRuns: 40 },
    );
  });
});
