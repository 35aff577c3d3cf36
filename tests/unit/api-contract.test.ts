/** The API contract: one handler per method, and arguments refused at the boundary in one line. */
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/api/handlers.js';
import { API_METHODS, contract, isApiMethod, type ApiArgs, type ApiMethod } from '../../shared/api/contract.js';
import { API_METHOD_NAMES } from '../../shared/api/methods.js';
import { parseArgs } from '../../shared/api/validate.js';
import { MarginaliaError } from '../../shared/errors.js';
import { tempProject } from '../integration/helpers.js';

const p = tempProject({ empty: true });
afterAll(() => p.done());

/** A valid call of every method: adding a method without an example fails the test below. */
const EXAMPLES: { [M in ApiMethod]: ApiArgs<M> } = {
  'project.info': {},
  'documents.list': {},
  'documents.content': { document: 'a.txt' },
  'documents.import': { files: [{ name: 'a.txt', base64: 'aGk=' }], caseName: 'CO-01', allowDuplicates: true },
  'documents.rename': { document: 'a.txt', newName: 'b.txt' },
  'documents.deletionImpact': { document: 'a.txt' },
  'documents.delete': { document: 'a.txt' },
  'codebook.list': {},
  'codebook.create': { parent: null, name: 'Rapport', color: '#abcdef', definition: 'd', inclusion: 'i', exclusion: 'e', example: 'x' },
  'codebook.update': { code: 'Rapport', name: 'Trust' },
  'codebook.move': { code: 'A/B', parent: null, position: 0 },
  'codebook.merge': { source: 'A', target: 'B' },
  'codebook.deletionImpact': { code: 'A' },
  'codebook.delete': { code: 'A' },
  'codebook.find': { query: 'frist names', limit: 5 },
  'coders.list': {},
  'coders.add': { name: 'Alice' },
  'coders.setBlind': { on: true },
  'coders.reveal': { coder: 'Alice' },
  'codings.forDocument': { document: 'a.txt', coders: ['Alice'], viewer: 'Alice' },
  'codings.apply': { document: 'a.txt', code: 'A', coder: 'Alice', start: 0, end: 5, memo: 'm' },
  'codings.remove': { guid: 'g' },
  'codings.resize': { guid: 'g', start: 1, end: 2 },
  'codings.recode': { guid: 'g', code: 'B' },
  'codings.setMemo': { guid: 'g', body: '' },
  'memos.get': { kind: 'project' },
  'memos.set': { kind: 'code', name: 'A', body: 'memo' },
  'search.corpus': { query: '"first name" secur*', limit: 50 },
  'retrieval.segments': { code: 'A', descendants: true, coders: ['Alice'], documents: ['a.txt'], where: { role: 'officer' }, viewer: 'Alice', find: 'trust' },
  'cases.list': {},
  'history.undo': {},
  'history.redo': {},
  'history.state': {},
};

describe('the API contract', () => {
  it('has a handler for every method and no handler without a method', () => {
    expect(Object.keys(createHandlers(p.session)).sort()).toEqual([...API_METHODS].sort());
  });

  it('accepts a valid call of every method', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...API_METHODS].sort());
    // The renderer builds its client from the zod-free list: it must be the same set.
    expect([...API_METHOD_NAMES].sort()).toEqual([...API_METHODS].sort());
    for (const m of API_METHODS) expect(() => parseArgs(m, EXAMPLES[m])).not.toThrow();
    // No arguments at all is the same as {}.
    expect(parseArgs('documents.list', undefined)).toEqual({});
  });

  it('knows only its own methods (not Object.prototype keys)', () => {
    for (const m of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'documents', 'documents.list.x']) expect(isApiMethod(m)).toBe(false);
    expect(isApiMethod('history.undo')).toBe(true);
  });

  const refused: [ApiMethod, unknown, string][] = [
    ['codings.apply', { document: 'a.txt', code: 'A', coder: 'Alice', start: 1.5, end: 5 }, 'codings.apply: start must be a whole number'],
    ['codings.apply', { document: 'a.txt', code: 'A', coder: 'Alice', start: '1', end: 5 }, 'codings.apply: start must be a number'],
    ['codings.apply', { document: 'a.txt', code: 'A', start: 1, end: 5 }, 'codings.apply: coder is required'],
    ['codings.resize', { guid: 'g', start: -3, end: 5 }, 'codings.resize: start must be 0 or more'],
    ['documents.rename', { document: 'a.txt', newName: '   ' }, 'documents.rename: newName must not be empty'],
    ['documents.list', { evil: true }, 'documents.list: unknown argument "evil"'],
    ['documents.import', { files: [] }, 'documents.import: files must list at least one file'],
    ['documents.import', { files: [{ name: 'a.txt', base64: 'aGk=', path: '/etc/passwd' }] }, 'documents.import: unknown argument "path" in files.0'],
    ['memos.set', { kind: 'coding', body: 'x' }, 'memos.set: kind must be one of project, document, code, case'],
    ['codebook.move', { code: 'A', position: 0 }, 'codebook.move: parent is required'],
    ['retrieval.segments', { code: 'A', where: { role: 3 } }, 'retrieval.segments: where.role must be text'],
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
    for (const m of API_METHODS) expect(contract[m].args.safeParse({ ...(EXAMPLES[m] as object), typo: 1 }).success).toBe(false);
  });
});
