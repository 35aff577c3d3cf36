/**
 * Correcting a transcript after coding, on real project files: codings keep covering the same
 * words through edits before, inside, across and after them (emoji and CRLF-origin text too),
 * orphans are kept and reported, derived rows follow, and undo/redo restore everything exactly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { assignSpeakerCase } from '../../electron/services/cases.js';
import { createCode, deleteCode } from '../../electron/services/codebook.js';
import { addCoder, applyCoding, setCodingMemo } from '../../electron/services/codings.js';
import { deleteDocument, documentContent } from '../../electron/services/documents.js';
import { search } from '../../electron/services/search.js';
import { editText, listOrphans, previewEdit } from '../../electron/services/transcript-edit/edit.js';
import { redo, undo } from '../../electron/services/undo/history.js';
import { MarginaliaError } from '../../shared/errors.js';
import { addText, dumpProject, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
afterEach(() => p.done());

const TEXT =
  'Interviewer: How do you build trust with Jon?\r\n\r\nOfficer: You talk to them every day. 👍 No first names, ever.\r\n\r\nInterviewer: And boundaries?\r\n\r\nOfficer: Firm but fair. I keep it professional.';

const dump = () => JSON.stringify((JSON.parse(dumpProject(p.session)) as [string, unknown][]).filter(([t]) => t !== 'events'));

function setup() {
  p = tempProject({ empty: true });
  const s = p.session;
  const doc = addText(s, 'a.txt', TEXT);
  createCode(s, null, 'Rapport');
  createCode(s, null, 'Names');
  addCoder(s, 'Alice');
  addCoder(s, 'Bob');
  const text = documentContent(s, 'a.txt').text;
  const code = (phrase: string, codeName: string, coder = 'Alice', extra = 0) => {
    const start = text.indexOf(phrase);
    return applyCoding(s, { document: 'a.txt', code: codeName, coder, start, end: start + phrase.length + extra });
  };
  return { s, doc, text, code };
}

const codingsNow = () =>
  p.session.project.sqlite.prepare('SELECT guid, start, "end", quote FROM codings ORDER BY start, guid').all() as {
    guid: string;
    start: number;
    end: number;
    quote: string;
  }[];
const textNow = () => documentContent(p.session, 'a.txt').text;

describe('correcting a transcript after coding', () => {
  it('shifts a coding after an edit, grows one with an edit inside, leaves one before it, with quotes re-read', () => {
    const { s, doc, text, code } = setup();
    expect(text.includes('\r')).toBe(false);
    code('How do you build trust', 'Rapport');
    code('Jon', 'Names');
    code('Firm but fair', 'Rapport');
    const r = editText(s, doc.guid, { find: 'Jon', replace: 'John' });
    expect(r.applied).toBe(true);
    expect(r.counts).toEqual({ unchanged: 1, moved: 1, edited: 1, trimmed: 0, orphaned: 0 });
    const after = textNow();
    for (const c of codingsNow()) expect(after.slice(c.start, c.end)).toBe(c.quote);
    expect(codingsNow().map((c) => c.quote)).toEqual(['How do you build trust', 'John', 'Firm but fair']);
  });

  it('trims a coding an edit runs across, and keeps a coding whose words are all deleted as a reported orphan', () => {
    const { s, doc, text, code } = setup();
    code('talk to them every day', 'Rapport');
    const gone = code('No first names', 'Names', 'Bob');
    setCodingMemo(s, gone.guid, 'Key moment');
    const fixed = text.replace('You talk to them every day. 👍 No first names, ever.', 'You talk to people. 👍 Ever.');
    const preview = previewEdit(s, doc.guid, { text: fixed });
    expect(preview.applied).toBe(false);
    expect(preview.counts.orphaned).toBe(1);
    expect(textNow()).toBe(text);
    const r = editText(s, doc.guid, { text: fixed });
    expect(r.counts.trimmed + r.counts.edited).toBe(1);
    expect(r.codings.find((c) => c.guid === gone.guid)).toMatchObject({ fate: 'orphaned', after: null, before: { quote: 'No first names' } });
    const left = codingsNow();
    expect(left).toHaveLength(1);
    expect(fixed.slice(left[0]!.start, left[0]!.end)).toBe(left[0]!.quote);
    expect(left[0]!.quote.startsWith('talk to')).toBe(true);
    const orphans = listOrphans(s, doc.guid).orphans;
    expect(orphans).toEqual([expect.objectContaining({ guid: gone.guid, quote: 'No first names', coder: 'Bob', code: 'Names' })]);
  });

  it('keeps orphans through deleting their document or their code and undoing it', () => {
    const { s, doc, text, code } = setup();
    const gone = code('No first names', 'Names', 'Bob');
    editText(s, doc.guid, { text: text.replace(' No first names, ever.', '') });
    const orphans = () => listOrphans(s, doc.guid).orphans.map((o) => ({ guid: o.guid, quote: o.quote, code: o.code }));
    expect(orphans()).toEqual([{ guid: gone.guid, quote: 'No first names', code: 'Names' }]);
    const before = dump();
    deleteCode(s, 'Names');
    expect(orphans()).toEqual([]);
    undo(s);
    expect(dump()).toBe(before);
    deleteDocument(s, 'a.txt');
    undo(s);
    expect(dump()).toBe(before);
    expect(orphans()).toEqual([{ guid: gone.guid, quote: 'No first names', code: 'Names' }]);
  });

  it('never splits an emoji: an edit next to one keeps codings on whole code points', () => {
    const { s, doc, text, code } = setup();
    code('every day. 👍', 'Rapport');
    code('👍 No', 'Names', 'Bob');
    editText(s, doc.guid, { text: text.replace('👍', '👍🏽') });
    const after = textNow();
    for (const c of codingsNow()) {
      expect(after.slice(c.start, c.end)).toBe(c.quote);
      expect(Array.from(c.quote).join('')).toBe(c.quote);
      expect(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/.test(c.quote)).toBe(false);
    }
  });

  it('normalises CRLF in the replacement text', () => {
    const { s, doc, code } = setup();
    code('Firm but fair', 'Rapport');
    editText(s, doc.guid, { find: 'And boundaries?', replace: 'And\r\nboundaries?' });
    expect(textNow().includes('\r')).toBe(false);
    expect(textNow()).toContain('And\nboundaries?');
    expect(codingsNow()[0]!.quote).toBe('Firm but fair');
  });

  it('moves two coders’ overlapping codings of the same words together', () => {
    const { s, doc, code } = setup();
    code('Firm but fair', 'Rapport', 'Alice');
    code('but fair. I keep', 'Rapport', 'Bob');
    editText(s, doc.guid, { find: 'but', replace: 'yet' });
    expect(codingsNow().map((c) => c.quote)).toEqual(['Firm yet fair', 'yet fair. I keep']);
  });

  it('keeps search, speaker turns and speaker cases in step with the text', () => {
    const { s, doc } = setup();
    assignSpeakerCase(s, 'a.txt', 'Officer', 'CO-01');
    expect(search(s, 'Jonathan')).toHaveLength(0);
    editText(s, doc.guid, { find: 'Jon', replace: 'Jonathan' });
    expect(search(s, 'Jonathan')).toHaveLength(1);
    const r = editText(s, doc.guid, { text: textNow().replaceAll('Officer:', 'Officier:') });
    expect(r.speakers.renamed).toEqual([{ from: 'Officer', to: 'Officier' }]);
    const c = documentContent(s, 'a.txt');
    expect(new Set(c.turns.map((t) => t.speaker))).toEqual(new Set(['Interviewer', 'Officier']));
    for (const t of c.turns) expect(c.text.slice(t.start, t.end).startsWith(t.speaker)).toBe(true);
    const cases = s.project.sqlite.prepare('SELECT speaker FROM speaker_cases').all();
    expect(cases).toEqual([{ speaker: 'Officier' }]);
  });

  it('is one undoable action: undo restores the text and every coding exactly, redo re-applies it', () => {
    const { s, doc, text, code } = setup();
    code('talk to them every day', 'Rapport');
    const gone = code('No first names', 'Names', 'Bob');
    setCodingMemo(s, gone.guid, 'Key moment');
    const before = dump();
    const events = () => (s.project.sqlite.prepare('SELECT count(*) n FROM events').get() as { n: number }).n;
    const n0 = events();
    editText(s, doc.guid, { text: text.replace('No first names, ever.', 'Never.').replace('Jon', 'John') });
    expect(events()).toBe(n0 + 1);
    const edited = dump();
    expect(edited).not.toBe(before);
    undo(s);
    expect(dump()).toBe(before);
    expect(textNow()).toBe(text);
    redo(s);
    expect(dump()).toBe(edited);
    undo(s);
    expect(dump()).toBe(before);
  });

  it('refuses bad input with one clear line and changes nothing', () => {
    const { s, doc, text } = setup();
    const before = dump();
    const msg = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        expect(err).toBeInstanceOf(MarginaliaError);
        return (err as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(msg(() => editText(s, doc.guid, { find: 'Nobody says this', replace: 'x' }))).toMatch(/does not occur in "a.txt"/);
    expect(msg(() => editText(s, doc.guid, { find: 'Interviewer', replace: 'Int', occurrence: 3 }))).toMatch(
      /occurrence 3 is out of range: "Interviewer" occurs 2 times/,
    );
    expect(msg(() => editText(s, doc.guid, { find: 'Interviewer', replace: 'Int' }))).toMatch(/occurs 2 times.*--occurrence/);
    expect(msg(() => editText(s, doc.guid, { text: text.replace(/\n/g, '\r\n') }))).toMatch(/identical/);
    expect(msg(() => editText(s, doc.guid, { text: '  \n' }))).toMatch(/empty/);
    expect(msg(() => editText(s, 'no-such-guid', { text: 'x' }))).toMatch(/no document/);
    expect(dump()).toBe(before);
  });

  it('keeps the text immutable outside a correction', () => {
    setup();
    expect(() => p.session.project.sqlite.prepare("UPDATE document_texts SET text = 'x'").run()).toThrow(/immutable/);
    expect(() => p.session.project.sqlite.prepare('UPDATE documents SET length = 1').run()).toThrow(/immutable/);
  });
});
