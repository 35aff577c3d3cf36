import { afterEach, describe, expect, it } from 'vitest';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import {
  codebook,
  codeDeletionImpact,
  createCode,
  deleteCode,
  mergeCode,
  moveCode,
  recolorCode,
  renameCode,
  reorderCode,
  updateCodeFields,
} from '../../electron/services/codebook.js';
import { codebookSpecs, exportCodebook } from '../../electron/services/codebook-io.js';
import { exportCodings } from '../../electron/services/codings-io.js';
import { getMemo, setMemo } from '../../electron/services/memos.js';
import { addText, dumpProject, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
afterEach(() => p.done());

const paths = () => codebook(p.session).map((c) => c.path);

describe('code book', () => {
  it('creates, renames, recolours, edits fields and reorders', () => {
    p = tempProject({ empty: true });
    createCode(p.session, null, 'Rapport', { definition: 'Working relationships' });
    createCode(p.session, 'Rapport', 'Trust');
    createCode(p.session, 'Rapport', 'Humour');
    renameCode(p.session, 'Rapport/Trust', 'Mutual trust');
    recolorCode(p.session, 'Rapport', '#ABC');
    updateCodeFields(p.session, 'Rapport', { inclusion: 'talk that builds relations', exclusion: 'formal orders', example: 'I know their names.' });
    reorderCode(p.session, 'Rapport/Humour', 0);
    expect(paths()).toEqual(['Rapport', 'Rapport/Humour', 'Rapport/Mutual trust']);
    expect(codebook(p.session)[0]).toMatchObject({
      color: '#aabbcc',
      definition: 'Working relationships',
      inclusion: 'talk that builds relations',
      exclusion: 'formal orders',
      example: 'I know their names.',
    });
    expect(() => createCode(p.session, null, 'A/B')).toThrow(/\//);
    expect(() => createCode(p.session, null, '  ')).toThrow();
  });

  it('moves a subtree under another parent, refusing cycles', () => {
    p = tempProject({ empty: true });
    createCode(p.session, null, 'A');
    createCode(p.session, 'A', 'B');
    createCode(p.session, 'A/B', 'C');
    createCode(p.session, null, 'D');
    const before = dumpProject(p.session);
    expect(() => moveCode(p.session, 'A', 'A/B/C')).toThrow(/under itself or one of its sub-codes/);
    expect(() => moveCode(p.session, 'A', 'A')).toThrow(/under itself/);
    expect(dumpProject(p.session)).toBe(before);
    moveCode(p.session, 'A/B', 'D');
    expect(paths()).toEqual(['A', 'D', 'D/B', 'D/B/C']);
    moveCode(p.session, 'D/B', null, 0);
    expect(paths()).toEqual(['B', 'B/C', 'A', 'D']);
  });

  it('merges a code into another: codings move, identical ones collapse, children and memo follow', () => {
    p = tempProject({ empty: true });
    addText(p.session, 'a.txt', 'x'.repeat(200));
    createCode(p.session, null, 'Respect');
    createCode(p.session, null, 'Dignity');
    createCode(p.session, 'Dignity', 'Names');
    createCode(p.session, 'Respect', 'Names');
    addCoder(p.session, 'A');
    addCoder(p.session, 'B');
    applyCoding(p.session, { document: 'a.txt', code: 'Respect', coder: 'A', start: 0, end: 10 });
    const kept = applyCoding(p.session, { document: 'a.txt', code: 'Dignity', coder: 'A', start: 0, end: 10 });
    applyCoding(p.session, { document: 'a.txt', code: 'Dignity', coder: 'B', start: 50, end: 60 });
    applyCoding(p.session, { document: 'a.txt', code: 'Dignity/Names', coder: 'A', start: 70, end: 80 });
    setMemo(p.session, { kind: 'code', name: 'Dignity' }, 'about dignity');
    const r = mergeCode(p.session, 'Dignity', 'Respect');
    expect(r).toEqual({ moved: 3, collapsed: 1 });
    expect(paths()).toEqual(['Respect', 'Respect/Names']);
    const rows = exportCodings(p.session).map((c) => [c.code, c.coder, c.start, c.end]);
    expect(rows).toEqual([
      ['Respect', 'A', 0, 10],
      ['Respect', 'B', 50, 60],
      ['Respect/Names', 'A', 70, 80],
    ]);
    expect(exportCodings(p.session)[0]!.guid).toBe(kept.guid);
    expect(getMemo(p.session, { kind: 'code', name: 'Respect' })).toBe('about dignity');
  });

  it('reports what a delete takes before doing it', () => {
    p = tempProject({ empty: true });
    addText(p.session, 'a.txt', 'y'.repeat(100));
    createCode(p.session, null, 'Static security');
    createCode(p.session, 'Static security', 'Cameras');
    addCoder(p.session, 'A');
    applyCoding(p.session, { document: 'a.txt', code: 'Static security/Cameras', coder: 'A', start: 0, end: 5 });
    applyCoding(p.session, { document: 'a.txt', code: 'Static security', coder: 'A', start: 10, end: 15 });
    const guid = codebook(p.session).find((c) => c.path === 'Static security')!.guid;
    expect(codeDeletionImpact(p.session, 'Static security')).toEqual({ guid, code: 'Static security', subcodes: 1, codings: 2 });
    expect(exportCodings(p.session)).toHaveLength(2);
    expect(deleteCode(p.session, 'Static security')).toEqual({ guid, code: 'Static security', subcodes: 1, codings: 2 });
    expect(paths()).toEqual([]);
    expect(exportCodings(p.session)).toEqual([]);
  });

  it('exports the default code book to JSON and CSV with GUIDs', () => {
    p = tempProject();
    const json = JSON.parse(exportCodebook(p.session, 'json'));
    expect(json.format).toBe('marginalia-codebook');
    expect(json.codes[0].name).toBe('Dynamic security');
    const csv = exportCodebook(p.session, 'csv').split('\n');
    expect(csv[0]).toBe('path,color,definition,inclusion,exclusion,example,guid');
    expect(csv.some((l) => l.startsWith('Dynamic security/Boundaries/First names,'))).toBe(true);
    expect(codebookSpecs(p.session)[0]!.guid).toMatch(/^[0-9a-f-]{36}$/);
  });
});
