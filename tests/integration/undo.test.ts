/**
 * Undo and redo on the event log: for every kind of change the UI makes, do → undo gives back
 * the project exactly (every row of every table but the log), and redo gives back the changed
 * project exactly, GUIDs and ids included.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { assignSpeakerCase } from '../../electron/services/cases.js';
import { createCode, deleteCode, mergeCode, moveCode, updateCodeFields } from '../../electron/services/codebook.js';
import { addCoder, applyCoding, recodeCoding, removeCoding, resizeCoding, setCodingMemo } from '../../electron/services/codings.js';
import { assignDocumentCase, deleteDocument, importParsed, renameDocument } from '../../electron/services/documents.js';
import { setBlind } from '../../electron/services/blind.js';
import { setMemo } from '../../electron/services/memos.js';
import { search } from '../../electron/services/search.js';
import { openSession, closeSession } from '../../electron/services/session.js';
import { historyOf, historyState, redo, undo } from '../../electron/services/undo/history.js';
import { MarginaliaError } from '../../shared/errors.js';
import { normaliseText } from '../../shared/text/normalise.js';
import { detectTurns } from '../../shared/text/turns.js';
import { addText, dumpProject, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
afterEach(() => p.done());

const A =
  'Interviewer: How do you build trust?\n\nOfficer: You talk to them every day. 👍 No first names, ever.\n\nInterviewer: And boundaries?\n\nOfficer: Firm but fair. I keep it professional.';
const B = 'Interviewer: Tell me about snitching.\n\nResident: Nobody talks to the officers about that. You keep your head down.';
const at = (text: string, phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });

/** Every row of every table except the append-only event log. */
const dump = () => JSON.stringify((JSON.parse(dumpProject(p.session)) as [string, unknown][]).filter(([t]) => t !== 'events'));

function setup() {
  p = tempProject({ empty: true });
  const s = p.session;
  addText(s, 'a.txt', A);
  addText(s, 'b.txt', B);
  createCode(s, null, 'Rapport');
  createCode(s, null, 'Boundaries');
  createCode(s, 'Boundaries', 'First names');
  createCode(s, 'Boundaries', 'Professional');
  createCode(s, null, 'Trust');
  createCode(s, 'Trust', 'First names');
  addCoder(s, 'Alice');
  addCoder(s, 'Bob');
  applyCoding(s, { document: 'a.txt', code: 'Rapport', coder: 'Alice', ...at(A, 'You talk to them every day.'), memo: 'daily contact' });
  applyCoding(s, { document: 'a.txt', code: 'Boundaries/First names', coder: 'Alice', ...at(A, 'No first names, ever.') });
  applyCoding(s, { document: 'a.txt', code: 'Trust', coder: 'Bob', ...at(A, 'Firm but fair.'), memo: 'fairness' });
  applyCoding(s, { document: 'b.txt', code: 'Trust', coder: 'Alice', ...at(B, 'Nobody talks to the officers') });
  setMemo(s, { kind: 'code', name: 'Boundaries' }, 'Lines officers draw.');
  setMemo(s, { kind: 'document', name: 'a.txt' }, 'First interview.');
  assignDocumentCase(s, 'b.txt', 'IP-01');
  assignSpeakerCase(s, 'a.txt', 'Officer', 'CO-01');
  // A consensus decision on a.txt × "Boundaries/First names": deletions take it along (cascade).
  s.project.sqlite
    .prepare(
      `INSERT INTO consensus_decisions (guid, item_id, consensus_coder_id, coder_a_id, coder_b_id, document_id, code_id, kind, start, "end", decision, decided_by, decided_at, updated_at)
       SELECT 'dec-1', 'item-1', (SELECT id FROM coders WHERE name = 'Bob'), (SELECT id FROM coders WHERE name = 'Alice'), (SELECT id FROM coders WHERE name = 'Bob'),
              (SELECT id FROM documents WHERE name = 'a.txt'), (SELECT id FROM codes WHERE name = 'First names' AND parent_id = (SELECT id FROM codes WHERE name = 'Boundaries')),
              'onlyA', 10, 20, 'drop', 'tester', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'`,
    )
    .run();
  historyOf(s);
  return s;
}

const decisions = () => p.session.project.sqlite.prepare('SELECT count(*) AS n FROM consensus_decisions').get();

const guidOf = (phrase: string, text = A) => {
  const r = p.session.project.sqlite.prepare('SELECT guid FROM codings WHERE start = ?').get(at(text, phrase).start) as { guid: string };
  return r.guid;
};

/** do → undo == before; redo == after; and once more, to show the undo batch inverts cleanly too. */
function roundTrip(change: () => void, label?: RegExp) {
  const before = dump();
  change();
  const after = dump();
  expect(after).not.toBe(before);
  const step = undo(p.session);
  if (label) expect(step.label).toMatch(label);
  expect(dump()).toBe(before);
  expect(historyState(p.session)).toMatchObject({ canRedo: true, redoLabel: step.label });
  redo(p.session);
  expect(dump()).toBe(after);
  undo(p.session);
  expect(dump()).toBe(before);
  redo(p.session);
  expect(dump()).toBe(after);
}

describe('undo and redo of codings and memos', () => {
  it('apply a code with a memo', () => {
    const s = setup();
    roundTrip(
      () => applyCoding(s, { document: 'a.txt', code: 'Trust', coder: 'Alice', ...at(A, 'I keep it professional.'), memo: 'a note' }),
      /apply code "Trust"/,
    );
  });

  it('apply a code that merges with a touching coding, both with memos', () => {
    const s = setup();
    roundTrip(() => applyCoding(s, { document: 'a.txt', code: 'Rapport', coder: 'Alice', ...at(A, 'every day. 👍 No first'), memo: 'emoji' }));
  });

  it('remove a coding with its memo', () => {
    const s = setup();
    roundTrip(() => removeCoding(s, guidOf('You talk to them every day.')), /remove coding/);
  });

  it('resize a coding into a neighbour of the same code (merge-away)', () => {
    const s = setup();
    applyCoding(s, { document: 'a.txt', code: 'Rapport', coder: 'Alice', ...at(A, 'Firm but fair.'), memo: 'second' });
    roundTrip(() => resizeCoding(s, guidOf('You talk to them every day.'), at(A, 'You').start, at(A, 'Firm but fair.').end), /resize coding/);
  });

  it('recode a coding', () => {
    const s = setup();
    roundTrip(() => recodeCoding(s, guidOf('Firm but fair.'), 'Boundaries/Professional'), /recode to "Professional"/);
  });

  it('set, change and clear a coding memo', () => {
    const s = setup();
    const g = guidOf('No first names, ever.');
    roundTrip(() => setCodingMemo(s, g, 'new memo'), /edit memo/);
    roundTrip(() => setCodingMemo(s, g, 'changed memo'));
    roundTrip(() => setCodingMemo(s, g, ''));
  });

  it('memos on the project, a document, a code and a case', () => {
    const s = setup();
    roundTrip(() => setMemo(s, { kind: 'project' }, 'Project memo'));
    roundTrip(() => setMemo(s, { kind: 'document', name: 'a.txt' }, 'Changed'));
    roundTrip(() => setMemo(s, { kind: 'code', name: 'Boundaries' }, ''));
    roundTrip(() => setMemo(s, { kind: 'case', name: 'IP-01' }, 'Resident, 3 years in'));
  });
});

describe('undo and redo of code book changes', () => {
  it('create, rename and edit, recolour', () => {
    const s = setup();
    roundTrip(() => createCode(s, 'Boundaries', 'Rules', { definition: 'Stated rules' }), /create code "Rules"/);
    roundTrip(() => updateCodeFields(s, 'Boundaries', { name: 'Limits', definition: 'Where the line is' }), /rename code "Boundaries" to "Limits"/);
    roundTrip(() => updateCodeFields(s, 'Rapport', { color: '#123456' }));
  });

  it('move under another parent (renumbering the new siblings) and reorder', () => {
    const s = setup();
    roundTrip(() => moveCode(s, 'Rapport', 'Boundaries', 0), /move code/);
    roundTrip(() => moveCode(s, 'Trust', null, 0));
  });

  it('delete a code with its sub-codes, codings and memos; GUIDs come back', () => {
    const s = setup();
    const guids = () => s.project.sqlite.prepare('SELECT guid FROM codes UNION ALL SELECT guid FROM codings UNION ALL SELECT guid FROM memos ORDER BY 1').all();
    const before = guids();
    roundTrip(() => deleteCode(s, 'Boundaries'), /delete code "Boundaries"/);
    expect(decisions()).toEqual({ n: 0 });
    undo(s);
    expect(decisions()).toEqual({ n: 1 });
    expect(guids()).toEqual(before);
  });

  it('merge a code into another (sub-codes of the same name merge, memos join, codings collapse)', () => {
    const s = setup();
    applyCoding(s, { document: 'a.txt', code: 'Trust/First names', coder: 'Alice', ...at(A, 'first names, ever.'), memo: 'overlap' });
    setMemo(s, { kind: 'code', name: 'Trust' }, 'Trust memo');
    roundTrip(() => mergeCode(s, 'Boundaries', 'Trust'), /merge code "Boundaries"/);
  });
});

describe('undo and redo of coders, documents and cases', () => {
  it('add a coder', () => {
    const s = setup();
    roundTrip(() => addCoder(s, 'Carol'), /add coder "Carol"/);
  });

  it('import documents into a new case', () => {
    const s = setup();
    const text = normaliseText('Interviewer: Hello?\r\n\r\nCO Berg: Hello again. Security first.\r\n');
    const doc = { text, turns: detectTurns(text), cues: [], warnings: [] };
    roundTrip(
      () =>
        importParsed(
          s,
          [
            { file: 'c.txt', doc },
            { file: 'd.txt', doc: { ...doc, text: `${text}More.`, turns: detectTurns(`${text}More.`) } },
          ],
          { caseName: 'CO-09' },
        ),
      /import 2 documents/,
    );
  });

  it('rename a document and set its case', () => {
    const s = setup();
    roundTrip(() => renameDocument(s, 'a.txt', 'officer.txt'), /rename "a.txt" to "officer.txt"/);
    roundTrip(() => assignDocumentCase(s, 'officer.txt', 'CO-02'));
    roundTrip(() => assignDocumentCase(s, 'b.txt', null));
  });

  it('delete a document: undo brings back its codings, memos, speaker cases and search hits', () => {
    const s = setup();
    const hits = search(s, 'first names');
    expect(hits.map((h) => h.document)).toEqual(['a.txt']);
    const codings = s.project.sqlite
      .prepare('SELECT guid, start, "end" FROM codings WHERE document_id = (SELECT id FROM documents WHERE name = \'a.txt\')')
      .all();
    roundTrip(() => deleteDocument(s, 'a.txt'), /delete "a.txt"/);
    expect(decisions()).toEqual({ n: 0 });
    undo(s);
    expect(decisions()).toEqual({ n: 1 });
    expect(search(s, 'first names')).toEqual(hits);
    expect(
      s.project.sqlite.prepare('SELECT guid, start, "end" FROM codings WHERE document_id = (SELECT id FROM documents WHERE name = \'a.txt\')').all(),
    ).toEqual(codings);
  });
});

describe('the history', () => {
  it('a new change clears redo; undo and redo walk several steps', () => {
    const s = setup();
    const d0 = dump();
    createCode(s, null, 'One');
    createCode(s, null, 'Two');
    expect(historyState(s)).toEqual({ canUndo: true, canRedo: false, undoLabel: 'create code "Two"', redoLabel: null });
    undo(s);
    undo(s);
    expect(dump()).toBe(d0);
    redo(s);
    createCode(s, null, 'Three');
    expect(historyState(s).canRedo).toBe(false);
    expect(redo(s)).toMatchObject({ label: null });
  });

  it('each undo is one batch of ordinary events, marked in the log', () => {
    const s = setup();
    applyCoding(s, { document: 'a.txt', code: 'Trust', coder: 'Alice', ...at(A, 'I keep it professional.'), memo: 'x' });
    undo(s);
    const rows = s.project.sqlite.prepare('SELECT action FROM events WHERE batch = (SELECT batch FROM events ORDER BY id DESC LIMIT 1) ORDER BY id').all() as {
      action: string;
    }[];
    expect(rows.map((r) => r.action)).toEqual(['history.undo', 'coding.remove']);
  });

  it('refuses an undo when a later change touched the same coding, and changes nothing', () => {
    const s = setup();
    const r = applyCoding(s, { document: 'a.txt', code: 'Trust', coder: 'Alice', ...at(A, 'I keep it professional.') });
    // Another connection to the same file resizes the coding. (The checkpoint writes the header
    // that openProject reads; a fresh WAL-mode file has it only in the WAL until then.)
    s.project.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const other = openSession(p.path, 'someone else');
    try {
      resizeCoding(other, r.guid, at(A, 'I keep').start, at(A, 'I keep').end);
    } finally {
      closeSession(other);
    }
    const before = dump();
    const err = (() => {
      try {
        undo(s);
      } catch (e) {
        return e as MarginaliaError;
      }
    })();
    expect(err).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^cannot undo "apply code "Trust"": a coding it made has been changed since; nothing was changed/),
    });
    expect(dump()).toBe(before);
    expect(historyState(s).undoLabel).not.toBe('apply code "Trust"');
  });

  it('a change undo cannot reverse (blind coding) clears the history', () => {
    const s = setup();
    createCode(s, null, 'One');
    setBlind(s, true);
    expect(historyState(s)).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
  });
});
