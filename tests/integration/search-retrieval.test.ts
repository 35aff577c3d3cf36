import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assignSpeakerCase, cases, importAttributesCsv } from '../../electron/services/cases.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { assignDocumentCase } from '../../electron/services/documents.js';
import { retrieve } from '../../electron/services/retrieval.js';
import { findCodes, findQuotes, search } from '../../electron/services/search.js';
import { addText, dumpProject, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
afterEach(() => p.done());

const FR =
  "Interviewer: Qu'est-ce que la sécurité dynamique?\nAgent: La sécurité dynamique, c'est parler avec les détenus. 🙂 Le respect est réciproque.\n\nInterviewer: Et les limites?\nAgent: Pas de prénoms.";
const NO =
  'Interviewer: Hva betyr dynamisk sikkerhet?\nBetjent: Vi snakker med de innsatte hver dag, og tilliten bygges sakte.\n\nInterviewer: Og sladring?\nBetjent: Ingen vil være tyster.';
const EN =
  'Interviewer: What is security to you?\nOfficer: Security is talking. Someone usually tips you off before it blows up.\n\nInterviewer: Snitching?\nOfficer: Nobody wants to be called a rat.';

describe('full-text search', () => {
  it('finds words, phrases and prefixes, ignoring accents, at the right UTF-16 offsets', () => {
    p = tempProject({ empty: true });
    addText(p.session, 'fr.txt', FR);
    addText(p.session, 'no.txt', NO);
    addText(p.session, 'en.txt', EN);
    const plain = search(p.session, 'securite');
    // One hit per paragraph: the first paragraph holds both turns, with three matches.
    expect(plain.map((h) => h.document)).toEqual(['fr.txt']);
    expect(plain[0]!.matches).toHaveLength(2);
    for (const m of plain[0]!.matches) expect(FR.slice(m.start, m.end)).toBe('sécurité');
    const phrase = search(p.session, '"tips you off"');
    expect(phrase).toHaveLength(1);
    expect(EN.slice(phrase[0]!.start, phrase[0]!.end)).toBe('tips you off');
    expect(phrase[0]!.snippet).toContain('[tips you off]');
    const prefix = search(p.session, 'secur*');
    expect(new Set(prefix.map((h) => h.document))).toEqual(new Set(['fr.txt', 'en.txt']));
    const afterEmoji = search(p.session, 'reciproque');
    expect(FR.slice(afterEmoji[0]!.start, afterEmoji[0]!.end)).toBe('réciproque');
    const norsk = search(p.session, 'være tyster');
    expect(NO.slice(norsk[0]!.matches[0]!.start, norsk[0]!.matches[0]!.end)).toBe('være');
    expect(search(p.session, 'nothinglikethis')).toEqual([]);
    expect(() => search(p.session, '  ** ')).toThrow(/no words/);
    // FTS5 syntax typed by a user is treated as words, never as an error.
    expect(search(p.session, 'rat: (')).toHaveLength(1);
    expect(search(p.session, 'AND OR ( NEAR')).toEqual([]);
  });
});

describe('retrieval', () => {
  it('returns coded segments by code, sub-codes, coder, document and case attribute, with lines', () => {
    p = tempProject({ empty: true });
    addText(p.session, 'en.txt', EN);
    addText(p.session, 'no.txt', NO);
    createCode(p.session, null, 'Rapport');
    createCode(p.session, 'Rapport', 'Information flow');
    addCoder(p.session, 'Alice');
    addCoder(p.session, 'Bob');
    const at = (t: string, s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });
    applyCoding(p.session, { document: 'en.txt', code: 'Rapport/Information flow', coder: 'Alice', ...at(EN, 'Someone usually tips you off') });
    applyCoding(p.session, { document: 'en.txt', code: 'Rapport', coder: 'Bob', ...at(EN, 'Security is talking.') });
    applyCoding(p.session, { document: 'no.txt', code: 'Rapport', coder: 'Alice', ...at(NO, 'tilliten bygges sakte') });
    const csv = join(p.dir, 'cases.csv');
    writeFileSync(csv, 'case,role,institution,years:number\nCO-01,officer,A,12\nCO-02,officer,"B, north",3\n');
    importAttributesCsv(p.session, csv);
    assignDocumentCase(p.session, 'no.txt', 'CO-02');
    assignSpeakerCase(p.session, 'en.txt', 'Officer', 'CO-01');

    expect(retrieve(p.session, { code: 'Rapport' }).map((s) => s.quote)).toEqual(['Security is talking.', 'tilliten bygges sakte']);
    const all = retrieve(p.session, { code: 'Rapport', descendants: true });
    expect(all).toHaveLength(3);
    const info = all.find((s) => s.code === 'Rapport/Information flow')!;
    expect(info).toMatchObject({ document: 'en.txt', coder: 'Alice', lineStart: 2, lineEnd: 2, speaker: 'Officer', caseName: 'CO-01' });
    expect(retrieve(p.session, { code: 'Rapport', descendants: true, coders: ['Alice'] })).toHaveLength(2);
    expect(retrieve(p.session, { code: 'Rapport', documents: ['no.txt'] }).map((s) => s.caseName)).toEqual(['CO-02']);
    expect(retrieve(p.session, { code: 'Rapport', descendants: true, where: { institution: 'b, north' } }).map((s) => s.document)).toEqual(['no.txt']);
    expect(retrieve(p.session, { code: 'Rapport', descendants: true, where: { years: '12' } }).map((s) => s.document)).toEqual(['en.txt', 'en.txt']);
    expect(() => retrieve(p.session, { code: 'Rapport', where: { shoe: 'x' } })).toThrow(/case attribute "shoe"/);
    expect(findQuotes(p.session, { code: 'Rapport', descendants: true }, 'tips off').map((s) => s.quote)).toEqual(['Someone usually tips you off']);
  });

  it('finds codes fuzzily by name and path', () => {
    p = tempProject();
    expect(findCodes(p.session, 'frist names')[0]!.path).toBe('Dynamic security/Boundaries/First names');
    expect(findCodes(p.session, 'snitch')[0]!.path).toMatch(/No snitching/);
  });
});

describe('case attributes from CSV', () => {
  it('imports typed attributes and refuses a bad row with its row number, changing nothing', () => {
    p = tempProject({ empty: true });
    const good = join(p.dir, 'cases.csv');
    writeFileSync(
      good,
      'case,role,years of service:number,interview date:date,consented:boolean\nCO-01,officer,12,2024-03-01,yes\nIP-01,incarcerated,,2024-03-02,true\n',
    );
    expect(importAttributesCsv(p.session, good)).toMatchObject({
      casesCreated: 2,
      attributesCreated: ['role', 'years of service', 'interview date', 'consented'],
    });
    const view = cases(p.session);
    expect(view.attributes.map((a) => a.type)).toEqual(['text', 'number', 'date', 'boolean']);
    expect(view.cases.find((c) => c.name === 'CO-01')!.attributes).toEqual({
      role: 'officer',
      'years of service': '12',
      'interview date': '2024-03-01',
      consented: 'true',
    });
    const before = dumpProject(p.session);
    const bad = join(p.dir, 'bad.csv');
    writeFileSync(bad, 'case,role,years of service:number\nCO-03,officer,7\nCO-04,officer,many\n');
    expect(() => importAttributesCsv(p.session, bad)).toThrow(/bad\.csv row 3, column "years of service:number": "many" is not a number/);
    writeFileSync(bad, 'case,role\nCO-05,officer,extra\n');
    expect(() => importAttributesCsv(p.session, bad)).toThrow(/bad\.csv/);
    writeFileSync(bad, 'case,interview date:date\nCO-06,2024-02-30\n');
    expect(() => importAttributesCsv(p.session, bad)).toThrow(/not a date/);
    expect(dumpProject(p.session)).toBe(before);
  });
});
