/** The API contract: one handler per method, and arguments refused at the boundary in one line. */
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/api/handlers.js';
import { API_METHODS, isApiMethod, type ApiArgs, type ApiMethod } from '../../shared/api/contract.js';
import { argsSchema, parseArgs } from '../../shared/api/validate.js';
import { MarginaliaError } from '../../shared/errors.js';
import { tempProject } from '../integration/helpers.js';

const p = tempProject({ empty: true });
afterAll(() => p.done());

/** GUIDs as the API takes them (arguments name items by GUID; new names stay text). */
const DOC = '5f0c1d2e-0000-4000-8000-00000000d0c1';
const CODE_A = '5f0c1d2e-0000-4000-8000-0000000c0de1';
const CODE_B = '5f0c1d2e-0000-4000-8000-0000000c0de2';
const ALICE = '5f0c1d2e-0000-4000-8000-0000000a11ce';

/** A valid call of every method: adding a method without an example fails the test below. */
const EXAMPLES: { [M in ApiMethod]: ApiArgs<M> } = {
  'project.info': {},
  'documents.list': {},
  'documents.content': { document: DOC },
  'documents.import': { files: [{ name: 'a.txt', base64: 'aGk=' }], caseName: 'CO-01', allowDuplicates: true },
  'documents.rename': { document: DOC, newName: 'b.txt' },
  'documents.deletionImpact': { document: DOC },
  'documents.delete': { document: DOC },
  'codebook.list': { coders: [ALICE], viewer: ALICE },
  'codebook.create': { parent: CODE_A, name: 'Rapport', color: '#abcdef', definition: 'd', inclusion: 'i', exclusion: 'e', example: 'x' },
  'codebook.update': { code: CODE_A, name: 'Trust' },
  'codebook.move': { code: CODE_B, parent: null, position: 0 },
  'codebook.merge': { source: CODE_A, target: CODE_B },
  'codebook.deletionImpact': { code: CODE_A },
  'codebook.delete': { code: CODE_A },
  'codebook.find': { query: 'frist names', limit: 5 },
  'coders.list': {},
  'coders.add': { name: 'Alice' },
  'coders.setBlind': { on: true },
  'coders.reveal': { coder: ALICE },
  'codings.forDocument': { document: DOC, coders: [ALICE], viewer: ALICE },
  'codings.apply': { document: DOC, code: CODE_A, coder: ALICE, start: 0, end: 5, memo: 'm' },
  'codings.remove': { guid: 'g' },
  'codings.resize': { guid: 'g', start: 1, end: 2 },
  'codings.recode': { guid: 'g', code: CODE_B },
  'codings.setMemo': { guid: 'g', body: '' },
  'memos.get': { kind: 'project' },
  'memos.set': { kind: 'code', target: CODE_A, body: 'memo' },
  'search.corpus': { query: '"first name" secur*', limit: 50 },
  'retrieval.segments': { code: CODE_A, descendants: true, coders: [ALICE], documents: [DOC], where: { role: 'officer' }, viewer: ALICE, find: 'trust' },
  'cases.list': {},
  'history.undo': {},
  'history.redo': {},
  'history.state': {},
  'agreement.report': { coders: [ALICE, CODE_B], codes: [CODE_A], documents: [DOC], unit: 'segment', overlap: 90 },
  'agreement.export': { coders: [ALICE, CODE_B], unit: 'segment', overlap: 90, format: 'xlsx' },
  'agreement.stats': { csv: 'A,B\n1,1\n', name: 'table.csv', statistic: 'alpha', level: 'interval', categories: 2, ci: { resamples: 100, seed: 1 } },
  'agreement.disagreements': { coders: [ALICE, CODE_B] },
  'consensus.start': { coders: [ALICE, CODE_B], name: 'Consensus' },
  'consensus.decide': { coders: [ALICE, CODE_B], item: 'abc123', decision: 'custom', start: 0, end: 5, reason: 'why' },
  'consensus.status': { coders: [ALICE, CODE_B], documents: [DOC] },
  'consensus.finish': { coders: [ALICE, CODE_B], brief: true },
  'project.mergeCoderProject': { file: '/tmp/bob.marginalia' },
  'project.mergeCoderUpload': { name: 'bob.marginalia', base64: 'aGk=' },
  'project.log': { limit: 20 },
  'project.check': {},
  'project.backup': { reason: 'manual' },
  'project.backups': {},
  'project.restore': { backup: '2026-12-03_08-15-20.123Z_manual.marginalia' },
  'project.backupSettings': { keep: 5 },
  'documents.importFiles': { paths: ['/tmp/interviews', '/tmp/co-01.txt'], caseName: 'CO-01', allowDuplicates: true, maxBytes: 1_000_000 },
  'documents.setCase': { document: DOC, caseName: 'CO-01', speaker: 'R' },
  'codebook.createPath': { parent: null, names: ['Emergent', 'Tipping off'], color: '#abcdef' },
  'codebook.export': { format: 'csv' },
  'codebook.import': { format: 'json', content: '{"codes":[]}', name: 'codebook.json', update: true },
  'codings.import': { csv: 'document,code,coder,start,end\n', name: 'codings.csv' },
  'codings.export': { format: 'json', viewer: ALICE },
  'cases.importAttributes': { csv: 'case,role\nCO-01,officer\n', name: 'cases.csv' },
  'refi.exportProject': {},
  'refi.exportProjectToFile': { path: '/tmp/out.qdpx' },
  'refi.exportCodebook': {},
  'refi.importProject': { path: '/tmp/in.qdpx', output: '/tmp/new.marginalia' },
  'refi.importProjectUpload': { name: 'in.qdpx', base64: 'UEs=', output: 'new.marginalia' },
  'refi.importCodebook': { content: '<CodeBook/>', name: 'book.qdc' },
  'project.audit': { actor: 'lead', document: DOC, limit: 100, before: 40 },
  'project.auditExport': { actor: 'lead', document: DOC },
  'projects.current': {},
  'projects.open': { path: '/tmp/study.marginalia' },
  'projects.create': { path: '/tmp/new.marginalia', name: 'New study' },
  'projects.close': {},
  'projects.forget': { path: '/tmp/old.marginalia' },
  'analysis.options': {},
  'analysis.frequencies': { coders: [ALICE], codes: [CODE_A], documents: [DOC], subcodes: false, unitLabel: 'interviewees', viewer: ALICE },
  'analysis.cooccurrence': { consensus: true, mode: 'near', distance: 100 },
  'analysis.crosstab': { attribute: CODE_B, consensus: ALICE },
  'analysis.passages': { cell: { kind: 'pair', codes: [CODE_A, CODE_B], mode: 'turn' }, limit: 50 },
  'documents.editPreview': { document: DOC, find: 'Jon', replace: 'John', occurrence: 2 },
  'documents.editText': { document: DOC, text: 'The corrected text.' },
  'documents.orphans': { document: DOC },
  'excerpts.preview': { codes: [CODE_A], descendants: true, coders: [ALICE], documents: [DOC], where: { role: 'officer' }, attributes: ['role'] },
  'excerpts.export': { codes: [CODE_A, CODE_B], consensus: true, template: 'glance', format: 'docx', pseudonymise: { replace: [['Anna', 'P1']] }, job: 'j1' },
  'excerpts.exportTo': {
    codes: [CODE_A],
    format: 'xlsx',
    template: 'table',
    path: '/tmp/excerpts.xlsx',
    memos: true,
    speakers: true,
    maxQuotes: 3,
    maxChars: 400,
  },
  'excerpts.progress': { job: 'j1' },
};

describe('the API contract', () => {
  it('has a handler for every method and no handler without a method', () => {
    expect(Object.keys(createHandlers(p.session)).sort()).toEqual([...API_METHODS].sort());
  });

  it('accepts a valid call of every method', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...API_METHODS].sort());
    for (const m of API_METHODS) expect(() => parseArgs(m, EXAMPLES[m])).not.toThrow();
    // No arguments at all is the same as {}.
    expect(parseArgs('documents.list', undefined)).toEqual({});
  });

  it('knows only its own methods (not Object.prototype keys)', () => {
    for (const m of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'documents', 'documents.list.x']) expect(isApiMethod(m)).toBe(false);
    expect(isApiMethod('history.undo')).toBe(true);
  });

  const refused: [ApiMethod, unknown, string][] = [
    ['codings.apply', { document: DOC, code: CODE_A, coder: ALICE, start: 1.5, end: 5 }, 'codings.apply: start must be a whole number'],
    ['codings.apply', { document: DOC, code: CODE_A, coder: ALICE, start: '1', end: 5 }, 'codings.apply: start must be a number'],
    ['codings.apply', { document: DOC, code: CODE_A, start: 1, end: 5 }, 'codings.apply: coder is required'],
    ['codings.apply', { document: DOC, code: CODE_A, coder: '  ', start: 1, end: 5 }, 'codings.apply: coder must not be empty'],
    ['codings.resize', { guid: 'g', start: -3, end: 5 }, 'codings.resize: start must be 0 or more'],
    ['documents.rename', { document: DOC, newName: '   ' }, 'documents.rename: newName must not be empty'],
    ['documents.list', { evil: true }, 'documents.list: unknown argument "evil"'],
    ['documents.import', { files: [] }, 'documents.import: files must list at least one file'],
    ['documents.import', { files: [{ name: 'a.txt', base64: 'aGk=', path: '/etc/passwd' }] }, 'documents.import: unknown argument "path" in files.0'],
    ['memos.set', { kind: 'coding', body: 'x' }, 'memos.set: kind must be one of project, document, code, case'],
    ['codebook.move', { code: CODE_A, position: 0 }, 'codebook.move: parent is required'],
    ['retrieval.segments', { code: CODE_A, where: { role: 3 } }, 'retrieval.segments: where.role must be text'],
    ['memos.get', { kind: 'code', name: 'A' }, 'memos.get: unknown argument "name"'],
    ['search.corpus', 'secur*', 'search.corpus: the arguments must be an object'],
  ];

  it.each(refused)('%s refuses %j in one line naming the field', (method, args, message) => {
    let err: unknown;
    try {
      parseArgs(method, args);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MarginaliaError);
    expect(err).toMatchObject({ code: 'invalid_input', message });
    expect((err as Error).message).not.toMatch(/\n/);
  });

  it('every schema refuses unknown arguments (so a typo in the renderer is caught)', () => {
    for (const m of API_METHODS) expect(argsSchema(m).safeParse({ ...(EXAMPLES[m] as object), typo: 1 }).success).toBe(false);
  });
});
