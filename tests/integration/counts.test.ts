import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/api/handlers.js';
import { setBlind } from '../../electron/services/blind.js';
import { assignSpeakerCase, cases } from '../../electron/services/cases.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { codeCounts, coderCounts } from '../../electron/services/counts.js';
import { documentContent, importFiles } from '../../electron/services/documents.js';
import { retrieve } from '../../electron/services/retrieval.js';
import { tempProject, type TempProject } from './helpers.js';

let p: TempProject;
afterEach(() => p.done());

describe('counts, speaker cases and case creation', () => {
  it('counts codings per coder and per code with sub-code totals, grouped in SQL', async () => {
    p = tempProject();
    await importFiles(p.session, ['fixtures/transcripts/co-01.txt', 'fixtures/transcripts/ip-01.txt']);
    addCoder(p.session, 'Alice');
    addCoder(p.session, 'Bob');
    const code = (doc: string, path: string, coder: string, start: number) =>
      applyCoding(p.session, { document: doc, code: `Dynamic security/${path}`, coder, start, end: start + 10 });
    code('co-01.txt', 'Rapport', 'Alice', 0);
    code('co-01.txt', 'Rapport/Information flow', 'Alice', 100);
    code('ip-01.txt', 'Rapport/Information flow', 'Bob', 100);
    expect(coderCounts(p.session).map(({ name, codings, documents }) => [name, codings, documents])).toEqual([
      ['Alice', 2, 1],
      ['Bob', 1, 1],
    ]);
    const counts = codeCounts(p.session);
    expect(counts.get('Dynamic security/Rapport')).toEqual({ own: 1, total: 3 });
    expect(counts.get('Dynamic security/Rapport/Information flow')).toEqual({ own: 2, total: 2 });
    expect(counts.get('Dynamic security')).toEqual({ own: 0, total: 3 });
  });

  it('codebook.list counts only the coders asked for, and under blind coding only what the viewer may see', async () => {
    p = tempProject();
    await importFiles(p.session, ['fixtures/transcripts/co-01.txt']);
    addCoder(p.session, 'Alice');
    addCoder(p.session, 'Bob');
    applyCoding(p.session, { document: 'co-01.txt', code: 'Dynamic security/Rapport', coder: 'Alice', start: 0, end: 10 });
    applyCoding(p.session, { document: 'co-01.txt', code: 'Dynamic security/Rapport/Information flow', coder: 'Bob', start: 100, end: 110 });
    applyCoding(p.session, { document: 'co-01.txt', code: 'Dynamic security/Rapport/Information flow', coder: 'Bob', start: 200, end: 210 });
    const h = createHandlers(p.session);
    const [alice, bob] = ['Alice', 'Bob'].map((n) => coderCounts(p.session).find((c) => c.name === n)!.guid) as [string, string];
    const rapport = async (args: { coders?: string[]; viewer?: string }) => {
      const c = (await h['codebook.list'](args)).find((x) => x.path === 'Dynamic security/Rapport')!;
      return `${c.own}/${c.total}`;
    };
    expect(await rapport({})).toBe('1/3');
    expect(await rapport({ coders: [alice] })).toBe('1/1');
    expect(await rapport({ coders: [bob] })).toBe('0/2');
    expect(await rapport({ coders: [alice, bob] })).toBe('1/3');
    expect(await rapport({ coders: [] })).toBe('0/0');
    setBlind(p.session, true);
    // Asking for Bob's counts as Alice, before she reveals, counts nothing of Bob's.
    expect(await rapport({ coders: [bob], viewer: alice })).toBe('0/0');
    expect(await rapport({ coders: [alice, bob], viewer: alice })).toBe('1/1');
    await expect(rapport({ coders: [bob] })).rejects.toThrow(/blind coding is on/);
    // Unscoped (the CLI's `codes`) still counts every coder.
    expect(await rapport({})).toBe('1/3');
  });

  it('matches speakers ignoring case, and makes an import case only when a document joins it', async () => {
    p = tempProject();
    await importFiles(p.session, ['fixtures/transcripts/ip-01.txt']);
    assignSpeakerCase(p.session, 'ip-01.txt', 'participant', 'IP-01');
    const turn = documentContent(p.session, 'ip-01.txt').turns.find((t) => t.speaker === 'PARTICIPANT')!;
    addCoder(p.session, 'Alice');
    applyCoding(p.session, { document: 'ip-01.txt', code: 'Dynamic security/Respect', coder: 'Alice', start: turn.speechStart, end: turn.speechStart + 5 });
    expect(retrieve(p.session, { code: 'Dynamic security/Respect' })[0]).toMatchObject({ speaker: 'PARTICIPANT', caseName: 'IP-01' });
    const r = await importFiles(p.session, ['fixtures/transcripts/ip-01.txt'], { caseName: 'IP-99' });
    expect(r.imported).toEqual([]);
    expect(cases(p.session).cases.map((c) => c.name)).toEqual(['IP-01']);
  });
});
