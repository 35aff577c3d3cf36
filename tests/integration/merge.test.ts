import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { importAttributesCsv, assignSpeakerCase } from '../../electron/services/cases.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { exportCodings } from '../../electron/services/codings-io.js';
import { importFiles } from '../../electron/services/documents.js';
import { mergeProject } from '../../electron/services/coder-project-merge/merge-project.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession, openSession, type Session } from '../../electron/services/session.js';
import { dumpProject, tempProject, type TempProject } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const T = 'fixtures/transcripts/';

const rows = (s: Session) =>
  exportCodings(s)
    .map((c) => `${c.guid} ${c.document} ${c.code} ${c.coder} ${c.start}-${c.end}`)
    .sort();
const withoutEvents = (s: Session) => dumpProject(s).replace(/\["events",\[.*?\]\]/s, '');

async function team(): Promise<{ lead: TempProject; second: Session; secondPath: string }> {
  const lead = tempProject();
  cleanups.push(lead.done);
  await importFiles(lead.session, [`${T}co-01.txt`, `${T}ip-01.txt`]);
  importAttributesCsv(lead.session, 'fixtures/cases.csv');
  addCoder(lead.session, 'Alice');
  lead.session.project.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  // The second coder gets a copy of the project before anyone codes, as a team would hand it out.
  const secondPath = join(lead.dir, 'bob.marginalia');
  copyFileSync(lead.path, secondPath);
  const second = openSession(secondPath, 'bob');
  cleanups.push(() => closeSession(second));
  addCoder(second, 'Bob');
  applyCoding(second, { document: 'co-01.txt', code: 'Dynamic security/Rapport', coder: 'Bob', start: 100, end: 180, memo: 'tip-off' });
  applyCoding(second, { document: 'ip-01.txt', code: 'Dynamic security/Respect', coder: 'Bob', start: 10, end: 40 });
  createCode(second, 'Dynamic security/Respect', 'Fairness');
  applyCoding(second, { document: 'ip-01.txt', code: 'Dynamic security/Respect/Fairness', coder: 'Bob', start: 50, end: 60 });
  applyCoding(lead.session, { document: 'co-01.txt', code: 'Dynamic security/Rapport', coder: 'Alice', start: 120, end: 200 });
  second.project.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { lead, second, secondPath };
}

describe('merging a second coder\u2019s project', () => {
  it('adds their coder, codes and codings with GUIDs kept, changes nothing local, and is idempotent', async () => {
    const { lead, second, secondPath } = await team();
    const localBefore = rows(lead.session);
    const r = mergeProject(lead.session, secondPath);
    expect(r.documents).toEqual({ matched: 2, added: [] });
    expect(r.codes.added).toEqual(['Dynamic security/Respect/Fairness']);
    expect(r.coders.added).toEqual(['Bob']);
    expect(r.codings).toEqual({ added: 3, skipped: 0 });
    expect(r.conflicts).toEqual([]);
    const after = rows(lead.session);
    for (const row of [...localBefore, ...rows(second)]) expect(after).toContain(row);
    expect(after).toHaveLength(4);
    expect(exportCodings(lead.session).find((c) => c.coder === 'Bob' && c.start === 100)!.memo).toBe('tip-off');
    const once = withoutEvents(lead.session);
    const again = mergeProject(lead.session, secondPath);
    expect(again.codings).toEqual({ added: 0, skipped: 3 });
    expect(again.codes.added).toEqual([]);
    expect(withoutEvents(lead.session)).toBe(once);
  });

  it('matches codes by path across independently made projects, keeps coders apart, brings new documents', async () => {
    const lead = tempProject();
    cleanups.push(lead.done);
    await importFiles(lead.session, [`${T}co-01.txt`]);
    addCoder(lead.session, 'Bob');
    const otherPath = join(lead.dir, 'other.marginalia');
    const other = initProject(otherPath);
    await importFiles(other, [`${T}co-01.txt`, `${T}co-02.txt`]);
    assignSpeakerCase(other, 'co-02.txt', 'R', 'CO-02');
    addCoder(other, 'Bob');
    applyCoding(other, { document: 'co-02.txt', code: 'Dynamic security/Discretion', coder: 'Bob', start: 0, end: 30 });
    applyCoding(other, { document: 'co-01.txt', code: 'Dynamic security/Discretion', coder: 'Bob', start: 0, end: 30 });
    closeSession(other);
    const r = mergeProject(lead.session, otherPath);
    expect(r.codes.added).toEqual([]);
    expect(r.codes.matched).toBeGreaterThan(30);
    expect(r.documents).toEqual({ matched: 1, added: ['co-02.txt'] });
    expect(r.coders.renamed).toEqual([{ from: 'Bob', to: 'Bob (other)' }]);
    expect(r.conflicts.map((c) => c.kind)).toEqual(['coder']);
    expect(exportCodings(lead.session).map((c) => [c.document, c.coder, c.start, c.end])).toEqual([
      ['co-01.txt', 'Bob (other)', 0, 30],
      ['co-02.txt', 'Bob (other)', 0, 30],
    ]);
    expect(r.cases.added).toEqual(['CO-02']);
  });

  it('refuses a file that is not a project or is too new, leaving this project exactly as it was', async () => {
    const { lead } = await team();
    const before = dumpProject(lead.session);
    const text = join(lead.dir, 'notes.marginalia');
    writeFileSync(text, 'x'.repeat(200));
    expect(() => mergeProject(lead.session, text)).toThrow(/^notes\.marginalia: not a Marginalia project/);
    const newer = join(lead.dir, 'newer.marginalia');
    copyFileSync(join(lead.dir, 'bob.marginalia'), newer);
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    expect(() => mergeProject(lead.session, newer)).toThrow(/newer\.marginalia: saved by a newer Marginalia/);
    expect(() => mergeProject(lead.session, lead.path)).toThrow(/the open project itself/);
    expect(dumpProject(lead.session)).toBe(before);
  });

  it('refuses a damaged coder file with advice about that file, not about restoring this project', async () => {
    const { lead } = await team();
    const before = dumpProject(lead.session);
    const damaged = join(lead.dir, 'bob damaged.marginalia');
    copyFileSync('fixtures/bad/corrupt.marginalia', damaged);
    let message = '';
    try {
      mergeProject(lead.session, damaged);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^bob damaged\.marginalia: the project file is corrupt \(.+\); nothing was merged and study\.marginalia is unchanged\. /);
    expect(message).toContain(`see its own backups: \`marginalia backups "${damaged}"\``);
    expect(message).not.toMatch(/restore|nothing was repaired/);
    expect(message.split('\n')).toHaveLength(1);
    expect(dumpProject(lead.session)).toBe(before);
  });
});
