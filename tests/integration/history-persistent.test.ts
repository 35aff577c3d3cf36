/**
 * Undo and redo kept in the project file: the history survives closing and reopening the project
 * (and a new CLI process), a coder's merged project comes out exactly as it went in, starting a
 * consensus is one undoable step, and undo reaches back only the last N changes.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startConsensus } from '../../electron/services/agreement/consensus.js';
import { createCode } from '../../electron/services/codebook.js';
import { mergeProject } from '../../electron/services/coder-project-merge/merge-project.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession, openSession, type Session } from '../../electron/services/session.js';
import { historyState, redo, undo } from '../../electron/services/undo/history.js';
import { MarginaliaError } from '../../shared/errors.js';
import { cleanup, fixture, freshDir, ok } from './cli-harness.js';
import { addText, dumpProject, tempDir } from './helpers.js';
import { buildTwoCoders } from './two-coders.js';

afterAll(cleanup);

/** Every row of every content table, read from the file by a separate reader (the log and rowid counters left out). */
function content(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'doc_chunks_%' AND name <> 'events' ORDER BY name",
      )
      .all() as { name: string }[];
    return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
  } finally {
    db.close();
  }
}

/** Every row of every table of an open project but the append-only log. */
const dumpContent = (s: Session) => JSON.stringify((JSON.parse(dumpProject(s)) as [string, unknown][]).filter(([t]) => t !== 'events'));

const TEXT = 'Interviewer: How do you build trust?\n\nOfficer: You talk to them every day. No first names, ever.';
const span = (phrase: string) => ({ start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });

let open: Session[] = [];
const session = (path: string, actor = 'ann') => {
  const s = openSession(path, actor);
  open.push(s);
  return s;
};
const close = (s: Session) => {
  closeSession(s);
  open = open.filter((x) => x !== s);
};
afterEach(() => {
  for (const s of open.splice(0)) closeSession(s);
  delete process.env.MARGINALIA_UNDO_LIMIT;
});

function newProject(): string {
  const path = join(freshDir(), 'study.marginalia');
  const s = initProject(path, { empty: true, actor: 'ann' });
  addText(s, 'a.txt', TEXT);
  createCode(s, null, 'Trust');
  addCoder(s, 'Ann');
  closeSession(s);
  return path;
}

describe('undo across restarts', () => {
  it('undoes and redoes after the project was closed and reopened, and in a new CLI process', () => {
    const path = newProject();
    const before = content(path);
    let s = session(path);
    applyCoding(s, { document: 'a.txt', code: 'Trust', coder: 'Ann', ...span('You talk to them every day.') });
    createCode(s, null, 'Boundaries');
    close(s);
    const after = content(path);

    // Reopened: the same history, newest first.
    s = session(path);
    expect(historyState(s)).toEqual({ canUndo: true, canRedo: false, undoLabel: 'create code "Boundaries"', redoLabel: null });
    expect(undo(s).label).toBe('create code "Boundaries"');
    close(s);

    // A new process (the CLI) continues the same list, and redo lists what was undone.
    expect(ok(['undo', path, '--as', 'ann'])).toMatch(/^Undid: apply code "Trust"/);
    expect(content(path)).toBe(before);
    s = session(path);
    expect(historyState(s)).toMatchObject({ canRedo: true, redoLabel: 'apply code "Trust"' });
    close(s);
    expect(ok(['redo', path, '--as', 'ann'])).toMatch(/^Redid: apply code "Trust"/);
    expect(ok(['redo', path, '--as', 'ann'])).toMatch(/^Redid: create code "Boundaries"/);
    expect(content(path)).toBe(after);
    expect(ok(['redo', path, '--as', 'ann']).trim()).toBe('Nothing to redo');
    // Another person's undo list does not hold Ann's changes.
    expect(ok(['undo', path, '--as', 'bob']).trim()).toBe('Nothing to undo');
    expect(content(path)).toBe(after);
  });

  it('a new change after an undo clears redo, also across a reopen', () => {
    const path = newProject();
    let s = session(path);
    createCode(s, null, 'One');
    undo(s);
    close(s);
    s = session(path);
    expect(historyState(s).redoLabel).toBe('create code "One"');
    createCode(s, null, 'Two');
    close(s);
    s = session(path);
    expect(historyState(s)).toMatchObject({ canRedo: false, undoLabel: 'create code "Two"' });
  });

  it('a step that can no longer be reversed is refused, changes nothing, and is taken off the list for good', () => {
    const path = newProject();
    let s = session(path);
    const c = applyCoding(s, { document: 'a.txt', code: 'Trust', coder: 'Ann', ...span('No first names, ever.') });
    createCode(s, null, 'Later');
    close(s);
    // Bob removes Ann's coding in his own session.
    const bob = session(path, 'bob');
    bob.project.sqlite.prepare('DELETE FROM codings WHERE guid = ?').run(c.guid);
    close(bob);
    s = session(path);
    undo(s);
    const state = content(path);
    expect(() => undo(s)).toThrow(MarginaliaError);
    expect(content(path)).toBe(state);
    close(s);
    s = session(path);
    // The refused step stays off the list after a reopen: the next undo is the step before it.
    expect(historyState(s).undoLabel).toBe('add coder "Ann"');
  });

  it('reaches back only the last N changes (MARGINALIA_UNDO_LIMIT)', () => {
    process.env.MARGINALIA_UNDO_LIMIT = '3';
    const path = newProject();
    const s = session(path);
    for (const n of ['C1', 'C2', 'C3', 'C4', 'C5']) createCode(s, null, n);
    expect(undo(s).label).toBe('create code "C5"');
    expect(undo(s).label).toBe('create code "C4"');
    expect(undo(s).label).toBe('create code "C3"');
    expect(historyState(s).canUndo).toBe(false);
    expect(undo(s).label).toBeNull();
    expect(redo(s).label).toBe('create code "C3"');
    delete process.env.MARGINALIA_UNDO_LIMIT;
    // With the default limit the older changes are reachable again.
    expect(historyState(s).undoLabel).toBe('create code "C3"');
  });
});

describe('undoing a merge of a coder’s project', () => {
  function twoProjects() {
    const lead = join(freshDir(), 'lead.marginalia');
    ok(['init', lead, '--as', 'lead']);
    ok(['import', lead, fixture('transcripts', 'co-01.txt'), '--as', 'lead']);
    ok(['coders', 'add', lead, 'Alice', '--as', 'lead']);
    ok(['code', lead, '--doc', 'co-01.txt', '--code', 'Rapport', '--coder', 'Alice', '--lines', '3-4', '--as', 'lead']);
    ok(['memo', lead, '--on', 'code', '--name', 'Rapport', 'Lead’s memo', '--as', 'lead']);
    const bob = join(freshDir(), 'bob.marginalia');
    ok(['init', bob, '--as', 'bob']);
    ok(['import', bob, fixture('transcripts', 'co-01.txt'), fixture('transcripts', 'ip-01.txt'), '--as', 'bob']);
    ok(['coders', 'add', bob, 'Bob', '--as', 'bob']);
    ok(['code', bob, '--doc', 'co-01.txt', '--code', 'Rapport', '--coder', 'Bob', '--lines', '3-5', '--memo', 'Bob thinks so', '--as', 'bob']);
    ok(['code', bob, '--doc', 'ip-01.txt', '--code', 'Boundaries/First names', '--coder', 'Bob', '--lines', '3-4', '--as', 'bob']);
    ok(['memo', bob, '--on', 'document', '--name', 'ip-01.txt', 'Bob’s notes', '--as', 'bob']);
    ok(['attributes', 'import', bob, fixture('cases.csv'), '--as', 'bob']);
    ok(['doc', 'case', bob, 'ip-01.txt', 'IP-01', '--as', 'bob']);
    return { lead, bob };
  }

  it('restores every table exactly, and redo brings the merge back exactly (CLI, separate processes)', () => {
    const { lead, bob } = twoProjects();
    const before = content(lead);
    expect(ok(['merge', lead, bob, '--as', 'lead'])).toMatch(/ip-01\.txt/);
    const merged = content(lead);
    expect(merged).not.toBe(before);
    expect(ok(['undo', lead, '--as', 'lead'])).toMatch(/^Undid: merge "bob\.marginalia"/);
    expect(content(lead)).toBe(before);
    expect(ok(['redo', lead, '--as', 'lead'])).toMatch(/^Redid: merge "bob\.marginalia"/);
    expect(content(lead)).toBe(merged);
    expect(ok(['undo', lead, '--as', 'lead'])).toMatch(/^Undid: merge/);
    expect(content(lead)).toBe(before);
  });

  it('is refused when something added since refers to what the merge brought in', () => {
    const { lead, bob } = twoProjects();
    const s = session(lead, 'lead');
    const before = dumpContent(s);
    mergeProject(s, bob);
    expect(historyState(s).undoLabel).toBe('merge "bob.marginalia"');
    // Another person codes the merged-in document: the merge can no longer be taken back alone.
    const other = session(lead, 'carol');
    const ip = other.project.sqlite.prepare("SELECT length FROM documents WHERE name = 'ip-01.txt'").get() as { length: number };
    const top = other.project.sqlite.prepare('SELECT name FROM codes WHERE parent_id IS NULL ORDER BY position LIMIT 1').get() as { name: string };
    applyCoding(other, { document: 'ip-01.txt', code: top.name, coder: 'Alice', start: 0, end: Math.min(10, ip.length) });
    const state = dumpContent(s);
    expect(() => undo(s)).toThrow(/cannot undo "merge "bob\.marginalia"": 1 codings added since refer to what it brought in; nothing was changed/);
    expect(dumpContent(s)).toBe(state);
    // Once Carol takes her coding back, the merge is still off the list (it was refused), as the message said.
    expect(undo(other).label).toMatch(/^apply code/);
    expect(historyState(s).undoLabel).not.toBe('merge "bob.marginalia"');
    expect(dumpContent(s)).not.toBe(before);
  });
});

describe('starting a consensus', () => {
  it('is one undoable step: the consensus coder, its mark and its codings go, and come back on redo', () => {
    const { dir, done } = tempDir();
    try {
      const s = initProject(join(dir, 'c.marginalia'), { empty: true, actor: 'ann' });
      open.push(s);
      buildTwoCoders(s);
      const before = dumpContent(s);
      startConsensus(s, { coders: ['Alice', 'Bob'] });
      const started = dumpContent(s);
      expect(historyState(s).undoLabel).toBe('start the consensus "Consensus (Alice+Bob)"');
      undo(s);
      expect(dumpContent(s)).toBe(before);
      redo(s);
      expect(dumpContent(s)).toBe(started);
    } finally {
      for (const s of open.splice(0)) closeSession(s);
      done();
    }
  });
});
