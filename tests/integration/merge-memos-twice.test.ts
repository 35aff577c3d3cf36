/**
 * Merging a second coder's project that carries document, code and coding memos: the first merge
 * brings each memo once, to the right document or code; merging the same file again adds nothing.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { importFiles } from '../../electron/services/documents.js';
import { getMemo, setMemo } from '../../electron/services/memos.js';
import { mergeProject } from '../../electron/services/coder-project-merge/merge-project.js';
import { closeSession, openSession, type Session } from '../../electron/services/session.js';
import { dumpProject, tempProject } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const T = 'fixtures/transcripts/';

const count = (s: Session, sql: string): number => (s.project.sqlite.prepare(sql).get() as { n: number }).n;
const withoutEvents = (s: Session): string => dumpProject(s).replace(/\["events",\[.*?\]\]/s, '');

describe('merging a coder project with memos', () => {
  it('brings document, code and coding memos once; merging it again adds nothing', async () => {
    const lead = tempProject();
    cleanups.push(lead.done);
    await importFiles(lead.session, [`${T}co-01.txt`, `${T}ip-01.txt`]);
    lead.session.project.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const secondPath = join(lead.dir, 'bob.marginalia');
    copyFileSync(lead.path, secondPath);

    const second = openSession(secondPath, 'bob');
    addCoder(second, 'Bob');
    setMemo(second, { kind: 'document', name: 'co-01.txt' }, 'Officer speaks fast; check the tape at 12:00.');
    setMemo(second, { kind: 'code', name: 'Dynamic security/Rapport' }, 'Bob: only when the officer names it.');
    createCode(second, 'Dynamic security/Respect', 'Fairness');
    setMemo(second, { kind: 'code', name: 'Dynamic security/Respect/Fairness' }, 'New code from Bob.');
    applyCoding(second, { document: 'ip-01.txt', code: 'Dynamic security/Respect/Fairness', coder: 'Bob', start: 10, end: 40, memo: 'tone' });
    closeSession(second);

    const memosBefore = count(lead.session, 'SELECT count(*) AS n FROM memos');
    const first = mergeProject(lead.session, secondPath);
    expect(first.memos.added).toBe(4); // document, two codes, one coding
    expect(count(lead.session, 'SELECT count(*) AS n FROM memos')).toBe(memosBefore + 4);
    expect(getMemo(lead.session, { kind: 'document', name: 'co-01.txt' })).toBe('Officer speaks fast; check the tape at 12:00.');
    expect(getMemo(lead.session, { kind: 'document', name: 'ip-01.txt' })).toBeNull();
    expect(getMemo(lead.session, { kind: 'code', name: 'Dynamic security/Rapport' })).toBe('Bob: only when the officer names it.');
    expect(getMemo(lead.session, { kind: 'code', name: 'Dynamic security/Respect/Fairness' })).toBe('New code from Bob.');

    const once = withoutEvents(lead.session);
    const again = mergeProject(lead.session, secondPath);
    expect(again.memos.added).toBe(0);
    expect(again.codings).toEqual({ added: 0, skipped: 1 });
    expect(again.codes.added).toEqual([]);
    expect(again.documents.added).toEqual([]);
    expect(count(lead.session, 'SELECT count(*) AS n FROM memos')).toBe(memosBefore + 4);
    expect(withoutEvents(lead.session)).toBe(once);
  });

  it('keeps this project\u2019s own memo when the coder\u2019s file has another for the same document', async () => {
    const lead = tempProject();
    cleanups.push(lead.done);
    await importFiles(lead.session, [`${T}co-01.txt`]);
    lead.session.project.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const secondPath = join(lead.dir, 'bob.marginalia');
    copyFileSync(lead.path, secondPath);
    const second = openSession(secondPath, 'bob');
    setMemo(second, { kind: 'document', name: 'co-01.txt' }, 'Bob’s note');
    closeSession(second);
    setMemo(lead.session, { kind: 'document', name: 'co-01.txt' }, 'Lead’s note');

    for (let i = 0; i < 2; i++) {
      expect(mergeProject(lead.session, secondPath).memos.added).toBe(0);
      expect(getMemo(lead.session, { kind: 'document', name: 'co-01.txt' })).toBe('Lead’s note');
      expect(count(lead.session, "SELECT count(*) AS n FROM memos WHERE target_kind = 'document'")).toBe(1);
    }
  });
});
