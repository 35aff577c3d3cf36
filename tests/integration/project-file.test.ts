import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { search } from '../../electron/services/search.js';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openProject, closeProject } from '../../db/open.js';
import { latestSchemaVersion, loadMigrations } from '../../db/migrations.js';
import { decide, startConsensus } from '../../electron/services/agreement/consensus.js';
import { codebook, createCode } from '../../electron/services/codebook.js';
import { closeSession, openSession } from '../../electron/services/session.js';
import { MarginaliaError } from '../../shared/errors.js';
import { addText, tempDir, tempProject } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function expectError(fn: () => unknown, code: string, pattern: RegExp) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(MarginaliaError);
    expect((err as MarginaliaError).code).toBe(code);
    expect((err as MarginaliaError).message).toMatch(pattern);
    expect((err as MarginaliaError).message).not.toContain('\n');
    return;
  }
  throw new Error('expected an error');
}

describe('the project file', () => {
  it('is one SQLite file with WAL, foreign keys, our application id and the latest schema', () => {
    const p = tempProject();
    cleanups.push(p.done);
    const { sqlite } = p.session.project;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(latestSchemaVersion()).toBe(loadMigrations().length);
  });

  it('starts with the default code book, or none with empty', () => {
    const full = tempProject();
    const empty = tempProject({ empty: true });
    cleanups.push(full.done, empty.done);
    const paths = codebook(full.session).map((c) => c.path);
    expect(paths).toContain('Dynamic security/Boundaries/First names');
    expect(paths).toContain('Dynamic security/No snitching');
    expect(codebook(empty.session)).toEqual([]);
  });

  it('keeps GUIDs across close and reopen', () => {
    const p = tempProject({ empty: true });
    cleanups.push(p.done);
    const code = createCode(p.session, null, 'Rapport');
    const doc = addText(p.session, 'a.txt', 'Interviewer: hello\nR: hi');
    closeSession(p.session);
    p.session = openSession(p.path, 'tester');
    expect(codebook(p.session)[0]!.guid).toBe(code.guid);
    const again = p.session.project.sqlite.prepare('SELECT guid FROM documents').get() as { guid: string };
    expect(again.guid).toBe(doc.guid);
  });

  it('enforces CHECK(start < end), immutable text and an append-only event log', () => {
    const p = tempProject({ empty: true });
    cleanups.push(p.done);
    addText(p.session, 'a.txt', 'Some text here.');
    const { sqlite } = p.session.project;
    expect(() => sqlite.prepare("UPDATE document_texts SET text = 'changed'").run()).toThrow(/immutable/);
    expect(() => sqlite.prepare('UPDATE documents SET length = 3').run()).toThrow(/immutable/);
    expect(() => sqlite.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("UPDATE events SET actor = 'x'").run()).toThrow(/append-only/);
    sqlite.prepare("INSERT INTO coders (guid, name, created_at) VALUES ('c1', 'A', 'now')").run();
    sqlite.prepare("INSERT INTO codes (guid, name, color, created_at) VALUES ('k1', 'K', '#ffffff', 'now')").run();
    const insert = sqlite.prepare(
      "INSERT INTO codings (guid, document_id, code_id, coder_id, start, end, quote, created_at, updated_at) VALUES (?, 1, 1, 1, ?, ?, '', 'now', 'now')",
    );
    expect(() => insert.run('g1', 5, 5)).toThrow(/CHECK/);
    expect(() => insert.run('g2', 5, 999)).toThrow(/past the end/);
    expect(() => insert.run('g3', 0, 4)).not.toThrow();
  });

  it('allows the same code name under different parents but not twice under one parent', () => {
    const p = tempProject({ empty: true });
    cleanups.push(p.done);
    createCode(p.session, null, 'Officers');
    createCode(p.session, null, 'Inmates');
    createCode(p.session, 'Officers', 'Trust');
    createCode(p.session, 'Inmates', 'Trust');
    expectError(() => createCode(p.session, 'Inmates', 'trust'), 'duplicate', /already exists/);
    expect(() => p.session.project.sqlite.prepare("INSERT INTO codes (guid, name, color, created_at) VALUES ('x', 'officers', '#fff', 'n')").run()).toThrow(
      /UNIQUE/,
    );
  });

  it('backs up, then migrates an older file in one transaction, keeping its data', () => {
    const { dir, done } = tempDir();
    cleanups.push(done);
    const path = join(dir, 'old.marginalia');
    const old = new Database(path);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.transaction(() => {
      for (const s of loadMigrations()[0]!.statements) old.exec(s);
      old.pragma('user_version = 1');
    })();
    old.prepare("INSERT INTO codes (guid, name, color, created_at) VALUES ('keep-me', 'Respect', '#112233', 'then')").run();
    old.close();
    const project = openProject(path);
    cleanups.push(() => closeProject(project));
    expect(project.openedFromVersion).toBe(1);
    expect(project.backupPath && existsSync(project.backupPath)).toBeTruthy();
    expect(project.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(project.sqlite.prepare('SELECT guid, name FROM codes').all()).toEqual([{ guid: 'keep-me', name: 'Respect' }]);
    const backup = new Database(project.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT count(*) AS n FROM codes').get()).toEqual({ n: 1 });
    backup.close();
  });

  it('opens every committed sample project (one per schema version), migrating older ones after a backup, with nothing lost', () => {
    const samples = readdirSync('fixtures/projects').filter((f) => /^schema-\d+\.marginalia$/.test(f));
    // Every version from the first committed sample up to the latest has one (samples are history).
    const versions = samples.map((f) => Number(/schema-(\d+)/.exec(f)![1])).sort((a, b) => a - b);
    expect(versions.at(-1)).toBe(latestSchemaVersion());
    expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => versions[0]! + i));
    for (const file of samples) {
      const version = Number(/schema-(\d+)/.exec(file)![1]);
      const { dir, done } = tempDir();
      cleanups.push(done);
      const path = join(dir, file);
      copyFileSync(join('fixtures/projects', file), path);
      const s = openSession(path);
      cleanups.push(() => closeSession(s));
      expect(s.project.openedFromVersion, file).toBe(version);
      expect(s.project.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
      expect(Boolean(s.project.backupPath), file).toBe(version < latestSchemaVersion());
      if (s.project.backupPath) {
        // The backup is the untouched original: its own schema version and the same counts.
        expect(existsSync(s.project.backupPath), file).toBe(true);
        const backup = new Database(s.project.backupPath, { readonly: true });
        expect(backup.pragma('user_version', { simple: true }), file).toBe(version);
        expect(backup.prepare('SELECT count(*) AS n FROM codings').get(), file).toEqual({
          n: JSON.parse(readFileSync(join('fixtures/projects', file.replace('.marginalia', '.counts.json')), 'utf8')).c,
        });
        backup.close();
      }
      const counts = s.project.sqlite
        .prepare('SELECT (SELECT count(*) FROM documents) d, (SELECT count(*) FROM codings) c, (SELECT count(*) FROM codes) k, (SELECT count(*) FROM events) e')
        .get();
      expect(counts, file).toEqual(JSON.parse(readFileSync(join('fixtures/projects', file.replace('.marginalia', '.counts.json')), 'utf8')));
      expect(search(s, 'first name').length, file).toBeGreaterThan(0);
      // Tables added by later migrations work on the upgraded file (consensus_decisions came with schema 3).
      const status = startConsensus(s, { coders: ['Alice', 'Bob'] });
      expect(status.items, file).toBeGreaterThan(0);
      expect(decide(s, { coders: ['Alice', 'Bob'], item: status.open[0]!.id, decision: 'keep-both' }).decided, file).toBe(1);
    }
  });

  it('refuses a newer schema, a non-project and a corrupt file with one-line messages', () => {
    const { dir, done } = tempDir();
    cleanups.push(done);
    const p = tempProject({ empty: true });
    cleanups.push(p.done);
    closeSession(p.session);
    const newer = join(dir, 'newer.marginalia');
    copyFileSync(p.path, newer);
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    expectError(() => openProject(newer), 'newer_schema', /newer\.marginalia: saved by a newer Marginalia/);
    const text = join(dir, 'notes.marginalia');
    writeFileSync(text, 'just some notes, long enough to have a header of a hundred bytes or so, which this sentence does indeed have.');
    expectError(() => openProject(text), 'not_a_project', /notes\.marginalia: not a Marginalia project/);
    const other = join(dir, 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x)');
    o.close();
    expectError(() => openProject(other), 'not_a_project', /other\.db: an SQLite database, but not a Marginalia project/);
    expectError(() => openProject(join(dir, 'missing.marginalia')), 'not_found', /missing\.marginalia/);
    p.session = openSession(p.path);
  });
});
