/**
 * REFI-QDA export (issue 14 points 1, 2): a real project exported as .qdpx and .qdc, unzipped
 * and parsed back with fast-xml-parser; every element checked against the project's rows, the
 * quoted words checked through the code-point offsets, GUIDs stable across exports, and every
 * file validated against the schemas with xmllint.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/api/handlers.js';
import { applyCoding } from '../../electron/services/codings.js';
import { buildQdc, buildQdpx } from '../../electron/services/refi/export/qdpx.js';
import { composeDescription, NS_CODEBOOK, NS_PROJECT } from '../../shared/refi/index.js';
import { dumpProject, tempProject, type TempProject } from './helpers.js';
import { buildRefiProject, EMOJI_TXT, span } from './refi-project.js';
import { CODEBOOK_XSD, expectValid, PROJECT_XSD, xmllint, XSD_DIR } from './refi-xmllint.js';

type X = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ARRAYS = new Set(['User', 'Code', 'Variable', 'Case', 'VariableValue', 'SourceRef', 'TextSource', 'PlainTextSelection', 'Coding', 'NoteRef', 'Note']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

let p: TempProject;
beforeAll(() => {
  p = tempProject({ empty: true });
  buildRefiProject(p.session);
});
afterAll(() => p.done());

function exportProject(): { qde: string; files: Record<string, Uint8Array> } {
  const { bytes } = buildQdpx(p.session);
  const files = unzipSync(bytes);
  const qde = strFromU8(files['project.qde']!);
  expectValid(qde, PROJECT_XSD);
  return { qde, files };
}

const rows = <T>(sql: string) => p.session.project.sqlite.prepare(sql).all() as T[];

describe('qdpx export', () => {
  it('writes project.qde and one UTF-8 plain-text file per document under sources/', () => {
    const { files, qde } = exportProject();
    const docs = rows<{ guid: string; text: string }>('SELECT d.guid, t.text FROM documents d JOIN document_texts t ON t.document_id = d.id');
    expect(Object.keys(files).sort()).toEqual(['project.qde', ...docs.map((d) => `sources/${d.guid}.txt`)].sort());
    for (const d of docs) expect(strFromU8(files[`sources/${d.guid}.txt`]!)).toBe(d.text);
    const project = parser.parse(qde).Project as X;
    expect(project.xmlns).toBe(NS_PROJECT);
    expect(project.origin).toBe('Marginalia');
    for (const s of project.Sources.TextSource as X[]) expect(s.plainTextPath).toBe(`internal://${s.guid}.txt`);
  });

  it('maps coders to Users and the code tree to nested Codes with colours and Descriptions', () => {
    const project = parser.parse(exportProject().qde).Project as X;
    const coders = rows<{ guid: string; name: string }>('SELECT guid, name FROM coders ORDER BY id');
    expect((project.Users.User as X[]).map((u) => ({ guid: u.guid, name: u.name }))).toEqual(coders);
    const codes = rows<{ guid: string; name: string; color: string; definition: string; inclusion: string; exclusion: string; example: string }>(
      'SELECT * FROM codes',
    );
    const byGuid = new Map(codes.map((c) => [c.guid, c]));
    const top = project.CodeBook.Codes.Code as X[];
    expect(top.map((c) => c.name)).toEqual(['Rapport', 'Boundaries']);
    const humour = (top[0]!.Code as X[])[0]!;
    expect(humour.name).toBe('Humour');
    expect((humour.Code as X[])[0]!.name).toBe('In-jokes & <teasing>');
    const walk = (list: X[]): void => {
      for (const c of list) {
        const row = byGuid.get(c.guid)!;
        expect(row.name).toBe(c.name);
        expect(c.isCodable).toBe('true');
        expect(c.color).toBe(row.color.toLowerCase());
        expect(c.Description ?? '').toBe(composeDescription(row));
        walk((c.Code as X[]) ?? []);
      }
    };
    walk(top);
    expect(top[0]!.Description).toBe('Building trust.\n\nInclusion criteria: Friendly talk\n\nExclusion criteria: Orders\n\nExample: "We laugh"');
  });

  it('maps cases and typed variables, the case memo as its Description and its documents as SourceRefs', () => {
    const project = parser.parse(exportProject().qde).Project as X;
    const vars = new Map((project.Variables.Variable as X[]).map((v) => [v.guid, v]));
    expect([...vars.values()].map((v) => [v.name, v.typeOfVariable]).sort()).toEqual([
      ['role', 'Text'],
      ['start', 'Date'],
      ['union', 'Boolean'],
      ['years', 'Float'],
    ]);
    const cases = project.Cases.Case as X[];
    expect(cases.map((c) => c.name)).toEqual(['CO-01', 'IN-02']);
    const values = (c: X) =>
      Object.fromEntries(
        (c.VariableValue as X[]).map((v) => [vars.get(v.VariableRef.targetGUID)!.name, v.TextValue ?? v.FloatValue ?? v.DateValue ?? v.BooleanValue]),
      );
    expect(values(cases[0]!)).toEqual({ role: 'officer', years: '12.5', start: '2019-04-01', union: 'true' });
    expect(values(cases[1]!)).toEqual({ role: 'resident', years: '3', start: '2020-01-15', union: 'false' });
    expect(cases[0]!.Description).toBe('Night shift officer.');
    const emojiDoc = (project.Sources.TextSource as X[]).find((s) => s.name === 'emoji.txt')!;
    expect((cases[0]!.SourceRef as X[]).map((r) => r.targetGUID)).toEqual([emojiDoc.guid]);
    expect(cases[1]!.SourceRef).toBeUndefined();
  });

  it('writes one PlainTextSelection per coding, in code points, covering the same words, with the coder on Coding', () => {
    const { qde, files } = exportProject();
    const project = parser.parse(qde).Project as X;
    const codings = rows<{ guid: string; quote: string; coder: string; code: string; doc: string; start: number; end: number }>(
      `SELECT c.guid, c.quote, u.guid AS coder, k.guid AS code, d.guid AS doc, c.start, c."end" FROM codings c
       JOIN coders u ON u.id = c.coder_id JOIN codes k ON k.id = c.code_id JOIN documents d ON d.id = c.document_id`,
    );
    const seen = new Map<string, X>();
    for (const src of project.Sources.TextSource as X[]) {
      // REFI positions are code points: slice the UTF-8 file's characters, not its UTF-16 units.
      const chars = [...strFromU8(files[`sources/${src.guid}.txt`]!)];
      for (const sel of (src.PlainTextSelection as X[]) ?? []) {
        const coding = (sel.Coding as X[])[0]!;
        seen.set(coding.guid, { sel, coding, src: src.guid, words: chars.slice(Number(sel.startPosition), Number(sel.endPosition)).join('') });
        expect(sel.guid).not.toBe(coding.guid);
      }
    }
    expect(seen.size).toBe(codings.length);
    for (const c of codings) {
      const got = seen.get(c.guid)!;
      expect(got.words).toBe(c.quote);
      expect(got.src).toBe(c.doc);
      expect(got.coding.creatingUser).toBe(c.coder);
      expect(got.sel.creatingUser).toBe(c.coder);
      expect(got.coding.CodeRef.targetGUID).toBe(c.code);
    }
    // The emoji shift: "trust is earned" starts after 😀 and 👍🏽 (3 astral characters), so 3 earlier in code points.
    const trust = codings.find((c) => c.quote === 'trust is earned')!;
    expect(trust.start).toBe(span(EMOJI_TXT, 'trust is earned').start);
    expect(Number(seen.get(trust.guid)!.sel.startPosition)).toBe(trust.start - 3);
  });

  it('writes memos as Notes linked by NoteRef from the project, the document, the code and the coding', () => {
    const project = parser.parse(exportProject().qde).Project as X;
    const notes = new Map((project.Notes.Note as X[]).map((n) => [n.guid, n.PlainTextContent]));
    expect(notes.size).toBe(4);
    const noteOf = (refs: X[] | undefined) => notes.get(refs?.[0]?.targetGUID);
    expect(noteOf(project.NoteRef)).toBe('# Study memo\nAll interviews 2024.');
    expect(noteOf((project.Sources.TextSource as X[]).find((s) => s.name === 'plain.txt')!.NoteRef)).toBe('Short interview.');
    expect(noteOf((project.CodeBook.Codes.Code as X[]).find((c) => c.name === 'Boundaries')!.NoteRef)).toBe('Check against Rapport.');
    const codings = (project.Sources.TextSource as X[]).flatMap((s) => ((s.PlainTextSelection as X[]) ?? []).flatMap((sel) => sel.Coding as X[]));
    expect(codings.filter((c) => c.NoteRef).map((c) => noteOf(c.NoteRef))).toEqual(['Mutual *respect*.']);
  });

  it('gives the same GUIDs and the same XML every time, and keeps them when the project grows', () => {
    const first = exportProject().qde;
    expect(exportProject().qde).toBe(first);
    expect(Buffer.from(buildQdpx(p.session).bytes).equals(Buffer.from(buildQdpx(p.session).bytes))).toBe(true);
    const guids = (xml: string) => new Set([...xml.matchAll(/guid="([^"]+)"/gi)].map((m) => m[1]));
    applyCoding(p.session, { document: 'emoji.txt', code: 'Boundaries', coder: 'Bob', ...span(EMOJI_TXT, 'Inmate') });
    const after = guids(exportProject().qde);
    for (const g of guids(first)) expect(after.has(g)).toBe(true);
    expect(after.size).toBe(guids(first).size + 2); // the new coding and its selection
  });

  it('derives valid, stable GUIDs for rows whose stored GUID is not a REFI GUID', () => {
    const t = tempProject({ empty: true });
    try {
      buildRefiProject(t.session);
      t.session.project.sqlite.exec("UPDATE coders SET guid = 'alice-legacy-id' WHERE name = 'Alice'");
      const one = strFromU8(unzipSync(buildQdpx(t.session).bytes)['project.qde']!);
      expectValid(one, PROJECT_XSD);
      const alice = ((parser.parse(one).Project as X).Users.User as X[]).find((u) => u.name === 'Alice')!;
      expect(alice.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(strFromU8(unzipSync(buildQdpx(t.session).bytes)['project.qde']!)).toBe(one);
      expect(one).toContain(`creatingUser="${alice.guid}"`);
    } finally {
      t.done();
    }
  });

  it('exports an empty project as a valid file and changes nothing in the project', () => {
    const t = tempProject({ empty: true });
    try {
      const before = dumpProject(t.session);
      const qde = strFromU8(unzipSync(buildQdpx(t.session).bytes)['project.qde']!);
      expectValid(qde, PROJECT_XSD);
      expect(dumpProject(t.session)).toBe(before);
    } finally {
      t.done();
    }
  });

  it('returns the same file through the API as base64', async () => {
    const r = await createHandlers(p.session)['refi.exportProject']({});
    const files = unzipSync(Buffer.from(r.base64, 'base64'));
    expectValid(strFromU8(files['project.qde']!), PROJECT_XSD);
    expect(r).toMatchObject({ fileName: 'study.qdpx', users: 2, codes: 4, variables: 4, cases: 2, documents: 2, notes: 4 });
    expect(r.codings).toBe(rows('SELECT id FROM codings').length);
  });
});

describe('qdc export', () => {
  it('writes the code book valid against Codebook.xsd, with the same GUIDs, hierarchy, colours and Descriptions', () => {
    const { xml, codes } = buildQdc(p.session);
    expectValid(xml, CODEBOOK_XSD);
    expect(codes).toBe(4);
    const book = parser.parse(xml).CodeBook as X;
    expect(book.xmlns).toBe(NS_CODEBOOK);
    const project = parser.parse(exportProject().qde).Project as X;
    const strip = (list: X[]): X[] => list.map((c) => ({ guid: c.guid, name: c.name, color: c.color, d: c.Description, kids: strip((c.Code as X[]) ?? []) }));
    expect(strip(book.Codes.Code as X[])).toEqual(strip(project.CodeBook.Codes.Code as X[]));
  });

  it('refuses a code book without codes (Codebook.xsd needs one) in one line', () => {
    const t = tempProject({ empty: true });
    try {
      expect(() => buildQdc(t.session)).toThrow(/^the code book has no codes; a \.qdc file needs at least one$/);
    } finally {
      t.done();
    }
  });

  it('goes through codebook.export with format qdc', async () => {
    const r = await createHandlers(p.session)['codebook.export']({ format: 'qdc' });
    expect(r.format).toBe('qdc');
    expectValid(r.content, CODEBOOK_XSD);
  });
});

describe('the schemas', () => {
  it('xmllint rejects what the schema forbids (the validation can fail)', () => {
    const bad = exportProject().qde.replace(/isCodable="true"/, 'isCodable="yes"');
    expect(xmllint(bad, PROJECT_XSD).status).not.toBe(0);
  });

  it('vendored copies equal ../shared/refi-qda when that folder exists', () => {
    const shared = join(XSD_DIR, '..', '..', '..', 'shared', 'refi-qda');
    for (const f of ['Project.xsd', 'Codebook.xsd']) {
      const ours = readFileSync(join(XSD_DIR, f), 'utf8');
      expect(ours).toContain('<xsd:schema');
      if (existsSync(join(shared, f))) expect(ours).toBe(readFileSync(join(shared, f), 'utf8'));
    }
  });
});
