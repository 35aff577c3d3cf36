import { afterEach, describe, expect, it } from 'vitest';
import { addCoder, applyCoding, removeCoding, setCodingMemo } from '../../electron/services/codings.js';
import { deleteDocument } from '../../electron/services/documents.js';
import { getMemo, memos, setMemo } from '../../electron/services/memos.js';
import { importAttributesCsv } from '../../electron/services/cases.js';
import { addText, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
afterEach(() => p.done());

describe('memos', () => {
  it('live on the project, documents, codes, cases and codings, each with a GUID, and go with their target', () => {
    p = tempProject();
    addText(p.session, 'co-01.txt', 'Interviewer: Tell me about trust.\nOfficer: It takes years.');
    importAttributesCsv(p.session, 'fixtures/cases.csv');
    setMemo(p.session, { kind: 'project' }, 'Pilot wave, spring.');
    setMemo(p.session, { kind: 'document', name: 'co-01.txt' }, 'Recorded in the staff room.\r\nNoisy.');
    setMemo(p.session, { kind: 'code', name: 'Dynamic security/Rapport' }, 'Split by direction later?');
    setMemo(p.session, { kind: 'case', name: 'CO-01' }, 'Returned consent form.');
    addCoder(p.session, 'Alice');
    const c = applyCoding(p.session, { document: 'co-01.txt', code: 'Dynamic security/Rapport', coder: 'Alice', start: 0, end: 10 });
    setCodingMemo(p.session, c.guid, 'Key quote');
    expect(getMemo(p.session, { kind: 'document', name: 'co-01.txt' })).toBe('Recorded in the staff room.\nNoisy.');
    const all = memos(p.session);
    expect(all.map((m) => m.targetKind).sort()).toEqual(['case', 'code', 'coding', 'document', 'project']);
    expect(new Set(all.map((m) => m.guid)).size).toBe(5);
    setMemo(p.session, { kind: 'project' }, 'Pilot wave, spring. Edited.');
    expect(memos(p.session).find((m) => m.targetKind === 'project')!.guid).toBe(all.find((m) => m.targetKind === 'project')!.guid);
    removeCoding(p.session, c.guid);
    expect(memos(p.session).some((m) => m.targetKind === 'coding')).toBe(false);
    deleteDocument(p.session, 'co-01.txt');
    expect(memos(p.session).some((m) => m.targetKind === 'document')).toBe(false);
    setMemo(p.session, { kind: 'case', name: 'CO-01' }, '');
    expect(getMemo(p.session, { kind: 'case', name: 'CO-01' })).toBeNull();
    const actions = (p.session.project.sqlite.prepare("SELECT action FROM events WHERE entity = 'memo' ORDER BY id").all() as { action: string }[]).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['memo.create', 'memo.create', 'memo.create', 'memo.create', 'memo.create', 'memo.update', 'memo.delete']);
    expect(() => setMemo(p.session, { kind: 'code', name: 'No/Such' }, 'x')).toThrow(/not in the code book/);
  });
});
