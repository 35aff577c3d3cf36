/**
 * REFI-QDA round trip (issue 14 point 4): a project exported as .qdpx (C's export) and imported
 * into a new project file (D's import) has the same documents, code book, codings on the same
 * words, coders, cases with their values, and memos; and the import reports nothing dropped.
 * Its .qdc goes back into an empty code book the same way.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQdc, buildQdpx } from '../../electron/services/refi/export/qdpx.js';
import { importQdc } from '../../electron/services/refi/import/codebook.js';
import { importQdpxBytes } from '../../electron/services/refi/import/import-project.js';
import { closeSession, openSession, type Session } from '../../electron/services/session.js';
import type { RefiProjectImportReport } from '../../shared/api/types-refi-import.js';
import { tempDir, tempProject, type TempProject } from './helpers.js';
import { buildRefiProject } from './refi-project.js';

/** Everything a researcher sees, by names and words (ids differ between files). */
function view(s: Session) {
  const q = <T>(sql: string) => s.project.sqlite.prepare(sql).all() as T[];
  const codePath = new Map<number, string>();
  const codes = q<{
    id: number;
    parent_id: number | null;
    name: string;
    color: string;
    definition: string;
    inclusion: string;
    exclusion: string;
    example: string;
    guid: string;
  }>('SELECT * FROM codes ORDER BY id');
  for (const c of codes) codePath.set(c.id, c.parent_id === null ? c.name : `${codePath.get(c.parent_id)}/${c.name}`);
  return {
    documents: q('SELECT d.name, d.guid, t.text FROM documents d JOIN document_texts t ON t.document_id = d.id ORDER BY d.name'),
    codes: codes
      .map((c) => ({
        path: codePath.get(c.id),
        guid: c.guid,
        color: c.color,
        definition: c.definition,
        inclusion: c.inclusion,
        exclusion: c.exclusion,
        example: c.example,
      }))
      .sort((a, b) => a.path!.localeCompare(b.path!)),
    coders: q('SELECT name, guid FROM coders ORDER BY name'),
    codings: q<{ code_id: number; doc: string; coder: string; quote: string; start: number; end: number; memo: string | null }>(
      `SELECT c.code_id, d.name AS doc, r.name AS coder, c.quote, c.start, c."end", m.body AS memo FROM codings c JOIN documents d ON d.id = c.document_id
       JOIN coders r ON r.id = c.coder_id LEFT JOIN memos m ON m.target_kind = 'coding' AND m.target_id = c.id`,
    )
      .map(({ code_id, ...c }) => ({ ...c, code: codePath.get(code_id) }))
      .sort((a, b) => `${a.doc}${a.start}${a.end}${a.code}${a.coder}`.localeCompare(`${b.doc}${b.start}${b.end}${b.code}${b.coder}`)),
    cases: q('SELECT c.name, (SELECT group_concat(d.name) FROM documents d WHERE d.case_id = c.id) AS docs FROM cases c ORDER BY c.name'),
    values: q(
      'SELECT c.name AS c, a.name AS a, a.type, v.value FROM case_values v JOIN cases c ON c.id = v.case_id JOIN attributes a ON a.id = v.attribute_id ORDER BY c.name, a.name',
    ),
    memos: q<{ target_kind: string; body: string }>("SELECT target_kind, body FROM memos WHERE target_kind != 'coding' ORDER BY target_kind, body"),
  };
}

let source: TempProject;
let dir: { dir: string; done(): void };
let imported: Session;
let report: RefiProjectImportReport;

beforeAll(async () => {
  source = tempProject({ empty: true });
  buildRefiProject(source.session);
  dir = tempDir();
  const out = join(dir.dir, 'round-trip.marginalia');
  report = await importQdpxBytes(buildQdpx(source.session).bytes, 'study.qdpx', out);
  imported = openSession(out);
});
afterAll(() => {
  closeSession(imported);
  source.done();
  dir.done();
});

describe('export → import', () => {
  it('drops nothing and adjusts nothing', () => {
    expect(report.skipped).toEqual([]);
    expect(report.adjusted).toEqual([]);
  });

  it('gives the same documents, code book, coders, cases and memos', () => {
    const a = view(source.session);
    const b = view(imported);
    expect(b.documents).toEqual(a.documents);
    expect(b.codes).toEqual(a.codes);
    expect(b.coders).toEqual(a.coders);
    expect(b.cases).toEqual(a.cases);
    expect(b.values).toEqual(a.values);
    expect(b.memos).toEqual(a.memos);
  });

  it('gives the same codings, on the same words (emoji included), by the same coders', () => {
    const a = view(source.session).codings;
    const b = view(imported).codings;
    expect(b).toEqual(a);
    expect(b.map((c) => c.quote)).toContain('laugh 😀 a lot 👍🏽');
    expect(b.length).toBeGreaterThan(5);
  });

  it('exported again, gives the same counts of everything', () => {
    const again = buildQdpx(imported).summary;
    const first = buildQdpx(source.session).summary;
    expect({ ...again, bytes: 0 }).toMatchObject({ ...first, bytes: 0 });
  });
});

describe('.qdc export → import into an empty code book', () => {
  it('recreates every code with its fields and GUID', () => {
    const empty = tempProject({ empty: true });
    try {
      const { xml } = buildQdc(source.session);
      const r = importQdc(empty.session, new TextEncoder().encode(xml), 'study.qdc');
      expect(r.adjusted).toEqual([]);
      expect(r.matched).toBe(0);
      expect(view(empty.session).codes).toEqual(view(source.session).codes);
      const again = importQdc(empty.session, new TextEncoder().encode(xml), 'study.qdc');
      expect(again.created).toEqual([]);
      expect(again.matched).toBe(r.created.length);
    } finally {
      empty.done();
    }
  });
});
