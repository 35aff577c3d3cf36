/**
 * REFI-QDA import (issue 14 points 3, 5): the committed fixtures (fixtures/refi/) imported into
 * new project files on disk and read back from SQLite: every element mapped, the quoted words of
 * every coding (NVivo's BOM + CRLF + emoji counting included), and each oddity in the report.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importQdpxBytes, importQdpxFile } from '../../electron/services/refi/import/import-project.js';
import { zip } from '../../fixtures/refi/build/build-refi-fixtures.js';
import { closeSession, openSession, type Session } from '../../electron/services/session.js';
import type { RefiProjectImportReport } from '../../shared/api/types-refi-import.js';
import { tempDir } from './helpers.js';

const FIX = join(__dirname, '..', '..', 'fixtures', 'refi');
let dir: { dir: string; done(): void };
beforeAll(() => (dir = tempDir()));
afterAll(() => dir.done());

async function load(fixture: string): Promise<{ r: RefiProjectImportReport; s: Session; q<T>(sql: string): T[] }> {
  const out = join(dir.dir, `${fixture}.marginalia`);
  const r = await importQdpxFile(join(FIX, `${fixture}.qdpx`), out);
  expect(r.project).toBe(out);
  const s = openSession(out);
  return { r, s, q: <T>(sql: string) => s.project.sqlite.prepare(sql).all() as T[] };
}

const CODINGS = `SELECT d.name AS doc, k.name AS code, r.name AS coder, c.quote, c.start, c."end", c.guid, m.body AS memo
  FROM codings c JOIN documents d ON d.id = c.document_id JOIN codes k ON k.id = c.code_id JOIN coders r ON r.id = c.coder_id
  LEFT JOIN memos m ON m.target_kind = 'coding' AND m.target_id = c.id ORDER BY d.name, c.start, k.name`;

interface CodingRow {
  doc: string;
  code: string;
  coder: string;
  quote: string;
  start: number;
  end: number;
  guid: string;
  memo: string | null;
}

describe('hand-made .qdpx (every element mapped)', () => {
  let t: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => (t = await load('handmade')));
  afterAll(() => closeSession(t.s));

  it('counts everything and reports nothing unusual', () => {
    expect(t.r.counts).toEqual({ coders: 2, codes: 5, documents: 2, codings: 7, cases: 2, attributes: 4, values: 5, memos: 5 });
    expect(t.r.adjusted).toEqual([]);
    expect(t.r.skipped).toEqual([]);
    expect(t.r.entry).toBe('project.qde');
  });

  it('codes every coding on the same words, by its coder, keeping GUIDs', () => {
    const rows = t.q<CodingRow>(CODINGS);
    const text = (r: CodingRow) => t.q<{ text: string }>(`SELECT text FROM document_texts JOIN documents ON id = document_id WHERE name = '${r.doc}'`)[0]!.text;
    for (const r of rows) expect(text(r).slice(r.start, r.end)).toBe(r.quote);
    expect(rows.map((r) => [r.doc, r.code, r.coder, r.quote])).toEqual([
      ['co-01 excerpt', 'First names', 'Alice', 'I use first names'],
      ['co-01 excerpt', 'Rapport', 'Bob', 'I use first names'],
      ['co-01 excerpt', 'Rapport', 'Alice', 'We laugh 😀 a lot'],
      ['co-01 excerpt', 'Boundaries', 'Bob', 'laugh 😀 a lot, but the sécurité rules'],
      ['co-01 excerpt', 'Boundaries', 'Alice', 'I keep my distance'],
      ['ip-01 excerpt', 'Rapport', 'Alice', 'på norsk what være means'],
      ['ip-01 excerpt', 'No snitching', 'Bob', 'Nobody snitches here'],
    ]);
    expect(rows.find((r) => r.quote === 'We laugh 😀 a lot')!.guid).toBe('00000000-0000-4000-8000-000000000062');
    expect(rows.find((r) => r.quote === 'We laugh 😀 a lot')!.memo).toBe('Laughing together builds rapport.');
  });

  it('keeps the code tree with colours and splits Description into the definition fields', () => {
    const codes = t.q<{ name: string; parent: string | null; color: string; definition: string; inclusion: string; example: string; guid: string }>(
      'SELECT c.name, p.name AS parent, c.color, c.definition, c.inclusion, c.example, c.guid FROM codes c LEFT JOIN codes p ON p.id = c.parent_id ORDER BY c.id',
    );
    expect(codes.map((c) => [c.name, c.parent])).toEqual([
      ['Dynamic security', null],
      ['Rapport', 'Dynamic security'],
      ['First names', 'Rapport'],
      ['Boundaries', 'Dynamic security'],
      ['No snitching', 'Dynamic security'],
    ]);
    const rapport = codes[1]!;
    expect(rapport).toMatchObject({
      color: '#4e79a7',
      definition: 'Building trust.',
      inclusion: 'Friendly talk',
      example: '"We laugh"',
      guid: '00000000-0000-4000-8000-000000000011',
    });
  });

  it('turns cases and variables into cases with typed attributes, and links documents to cases', () => {
    const attrs = t.q<{ name: string; type: string }>('SELECT name, type FROM attributes ORDER BY id');
    expect(attrs).toEqual([
      { name: 'role', type: 'text' },
      { name: 'years of service', type: 'number' },
      { name: 'consented', type: 'boolean' },
      { name: 'interviewed', type: 'date' },
    ]);
    const values = t.q<{ c: string; a: string; value: string }>(
      'SELECT cs.name AS c, a.name AS a, v.value FROM case_values v JOIN cases cs ON cs.id = v.case_id JOIN attributes a ON a.id = v.attribute_id ORDER BY cs.name, a.id',
    );
    expect(values.map((v) => `${v.c}.${v.a}=${v.value}`)).toEqual([
      'CO-01.role=officer',
      'CO-01.years of service=11',
      'CO-01.consented=true',
      'CO-01.interviewed=2024-03-14',
      'IP-01.role=incarcerated',
    ]);
    expect(t.q<{ d: string; c: string }>('SELECT d.name AS d, c.name AS c FROM documents d JOIN cases c ON c.id = d.case_id ORDER BY d.name')).toEqual([
      { d: 'co-01 excerpt', c: 'CO-01' },
      { d: 'ip-01 excerpt', c: 'IP-01' },
    ]);
  });

  it('attaches notes as memos on the project, document, code, case and coding', () => {
    const memos = t.q<{ target_kind: string; body: string }>('SELECT target_kind, body FROM memos ORDER BY target_kind');
    expect(memos).toEqual([
      { target_kind: 'case', body: 'Officer on Unit 3.' },
      { target_kind: 'code', body: 'Rapport is more than small talk.' },
      { target_kind: 'coding', body: 'Laughing together builds rapport.' },
      { target_kind: 'document', body: 'Recorded on Unit 3; the officer asked for breaks.' },
      { target_kind: 'project', body: 'Pilot study of dynamic security.' },
    ]);
  });

  it('finds speaker turns and names the project after the file', () => {
    expect(t.q<{ n: number }>('SELECT count(*) AS n FROM turns')[0]!.n).toBeGreaterThanOrEqual(6);
    expect(t.q<{ value: string }>("SELECT value FROM project_meta WHERE key = 'name'")[0]!.value).toBe('Hand-made study');
  });
});

describe('NVivo-style .qdpx (BOM, CRLF, emoji; UTF-16 positions over the CRLF text)', () => {
  let t: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => (t = await load('nvivo-style')));
  afterAll(() => closeSession(t.s));

  it('codes the same words NVivo coded', () => {
    const quotes = t.q<CodingRow>(CODINGS).map((r) => [r.doc, r.quote]);
    expect(quotes).toEqual([
      ['Berg follow-up', 'Thank you'],
      ['Berg interview', 'the unit is calm'],
      ['Berg interview', 'people talk to me'],
      ['Berg interview', 'Respect is earned'],
      ['Berg interview', 'every single shift'],
      ['Berg interview', 'Innsatte må være trygge'],
    ]);
  });

  it('stores the text without BOM or CR, and says how positions were read', () => {
    const texts = t.q<{ text: string }>('SELECT text FROM document_texts');
    for (const { text } of texts) {
      expect(text.includes('\r')).toBe(false);
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
    }
    expect(t.r.adjusted.filter((a) => a.reason.includes('UTF-16 units over the text with CRLF')).map((a) => a.item)).toEqual([
      'Berg interview',
      'Berg follow-up',
    ]);
  });

  it('reads GUIDs in braces and upper case as the same GUIDs', () => {
    expect(t.q<{ guid: string }>("SELECT guid FROM coders WHERE name = 'Kari Nordmann'")[0]!.guid).toBe('00000000-0000-4000-8000-000000000001');
  });
});

describe('ATLAS.ti-style .qdpx (the oddities, each reported)', () => {
  let t: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => (t = await load('atlas-style')));
  afterAll(() => closeSession(t.s));
  const has = (list: { kind: string; item: string; reason: string }[], item: string, reason: RegExp) =>
    expect(
      list.some((x) => x.item.includes(item) && reason.test(x.reason)),
      `${item} ${reason}`,
    ).toBe(true);

  it('reads Trial.qde, Sources/, paths without internal:// and the .docx original', () => {
    expect(t.r.entry).toBe('Trial.qde');
    has(t.r.adjusted, 'Trial.qde', /not "project\.qde"/);
    has(t.r.adjusted, 'Resident and officer', /"Sources\/" rather than "sources\/"/);
    has(t.r.adjusted, 'Resident and officer', /no "internal:\/\/" prefix/);
    has(t.r.adjusted, 'CO-01 interview', /read from the original "s-2\.docx"/);
  });

  it('codes the right words, with duplicate names under different parents and non-GUID ids', () => {
    const rows = t.q<CodingRow>(CODINGS).map((r) => [r.doc, r.code, r.quote]);
    expect(rows).toEqual([
      ['CO-01 interview', 'Dynamic security', 'dynamic security'],
      ['Resident and officer', 'Trust', 'Trust is slow here'],
      ['Resident and officer', 'Staff-inmate talk', 'Staff/inmate talk happens at meals'],
      ['Resident and officer', 'Staff-inmate talk', 'Trust comes from being consistent'],
      ['Resident and officer', 'Trust', 'Trust comes from being consistent'],
    ]);
    const trusts = t.q<{ parent: string }>("SELECT p.name AS parent FROM codes c JOIN codes p ON p.id = c.parent_id WHERE c.name = 'Trust' ORDER BY p.name");
    expect(trusts.map((x) => x.parent)).toEqual(['Officers', 'Residents']);
    has(t.r.adjusted, 'Residents/Trust', /id "c-res-trust" is not a GUID/);
    has(t.r.adjusted, 'Staff/inmate talk', /imported as "Staff-inmate talk"/);
  });

  it('skips zero-length selections and codings of unknown codes, keeping the rest', () => {
    has(t.r.skipped, 'Resident and officer', /zero-length selection/);
    has(t.r.skipped, 'Trust is slow here', /code c-deleted is not in the code book/);
    expect(t.r.counts.codings).toBe(5);
  });

  it('keeps a coding by a user the file does not list, under a coder named for that user, and says so', () => {
    has(t.r.adjusted, 'u-gone', /the file's list of users does not; they are kept under a new coder "Unlisted user u-gone"/);
    expect(t.r.skipped.filter((x) => /coder|user/.test(x.reason))).toEqual([]);
    const rows = t.q<CodingRow>(CODINGS).filter((r) => r.coder === 'Unlisted user u-gone');
    expect(rows.map((r) => [r.code, r.quote])).toEqual([['Staff-inmate talk', 'Trust comes from being consistent']]);
  });

  it('reports PDF, picture, audio and video sources, Sets, Graphs and Links by name', () => {
    for (const name of ['Policy manual.pdf', 'Unit floor plan.png', 'Interview 3.mp3', 'Site visit.mp4']) has(t.r.skipped, name, /sources cannot be imported/);
    has(t.r.skipped, 'Trust codes', /sets are not kept/);
    has(t.r.skipped, 'Trust network', /graphs are not kept \(2 nodes, 1 edge\)/);
    has(t.r.skipped, 'contrasts', /links/);
    expect(t.q<{ n: number }>('SELECT count(*) AS n FROM documents')[0]!.n).toBe(2);
  });

  it('keeps a note attached to nothing in the project memo', () => {
    expect(t.q<{ body: string }>("SELECT body FROM memos WHERE target_kind = 'project'")[0]!.body).toBe('Loose thought\nCompare trust across roles.');
    has(t.r.adjusted, 'Loose thought', /added to the project memo/);
  });
});

describe('the target project file', () => {
  it('is never overwritten', async () => {
    const out = join(dir.dir, 'taken.marginalia');
    const first = await importQdpxFile(join(FIX, 'handmade.qdpx'), out);
    expect(first.counts.documents).toBe(2);
    const before = readFileSync(out);
    await expect(importQdpxFile(join(FIX, 'nvivo-style.qdpx'), out)).rejects.toThrow(/taken\.marginalia: already exists/);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(existsSync(`${out}-wal`)).toBe(false);
  });
});

describe('media sources that carry text', () => {
  it("imports a PDF's text representation and a recording's transcript as documents, reporting what stays behind", async () => {
    const g = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
    const xml = `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="media">
      <Users><User guid="${g(1)}" name="A"/></Users>
      <CodeBook><Codes><Code guid="${g(2)}" name="Policy" isCodable="true"/></Codes></CodeBook>
      <Sources>
        <PDFSource guid="${g(3)}" name="Manual.pdf" path="internal://${g(3)}.pdf">
          <PDFSelection guid="${g(4)}" page="1" firstX="0" firstY="0" secondX="5" secondY="5"/>
          <Representation guid="${g(5)}" name="Manual.pdf"><PlainTextContent>Staff must greet residents by name.</PlainTextContent>
            <PlainTextSelection guid="${g(6)}" startPosition="11" endPosition="34"><Coding guid="${g(7)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(2)}"/></Coding></PlainTextSelection>
          </Representation>
        </PDFSource>
        <AudioSource guid="${g(8)}" name="Interview.mp3"><Transcript guid="${g(9)}" name="Interview.mp3"><PlainTextContent>I: Hello.\nR: Hi there.</PlainTextContent></Transcript></AudioSource>
      </Sources></Project>`;
    const out = join(dir.dir, 'media.marginalia');
    const r = await importQdpxBytes(zip({ 'project.qde': xml }), 'media.qdpx', out);
    expect(r.counts).toMatchObject({ documents: 2, codings: 1 });
    expect(r.skipped.some((x) => x.item === 'Manual.pdf' && /1 PDF region coding cannot be placed/.test(x.reason))).toBe(true);
    const s = openSession(out);
    const q = s.project.sqlite.prepare('SELECT quote FROM codings').all() as { quote: string }[];
    expect(q).toEqual([{ quote: 'greet residents by name' }]);
    closeSession(s);
  });
});
