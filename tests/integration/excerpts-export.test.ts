/**
 * The themed excerpt export, every format written to disk and read back with a real reader
 * (mammoth for DOCX, exceljs for XLSX, the strict CSV parser, jsdom for HTML, the Markdown
 * text), checked against the hand-counted fixture (tests/integration/excerpts-fixture.ts):
 * themes in code-book order, quotes word for word with emoji and accents, attributions with the
 * chosen attributes, line numbers and cue times, prevalence lines. Pseudonymisation changes the
 * file only; a folder that cannot be written gets one clear line and no partial file.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjectDoor, type ProjectDoor } from '../../electron/api/door.js';
import { parseCsvRecords } from '../../shared/csv.js';
import { mdUnescape } from '../../shared/excerpts/markdown.js';
import { closeSession } from '../../electron/services/session.js';
import { buildExcerptFixture, QUOTES } from './excerpts-fixture.js';
import { tempProject, type TempProject } from './helpers.js';

let p: TempProject;
let door: ProjectDoor;
let themeRoot: string;
let alice: string;
beforeAll(async () => {
  p = tempProject({ empty: true });
  buildExcerptFixture(p.session);
  closeSession(p.session);
  door = openProjectDoor(p.path, 'tester');
  themeRoot = (await door.call('codebook.list')).find((c) => c.path === 'Dynamic security')!.guid;
  alice = (await door.call('coders.list')).find((c) => c.name === 'Alice')!.guid;
});
afterAll(() => {
  door.close();
  p.done();
});

const SNIPPET_QUOTES = [QUOTES.co01Rapport, QUOTES.co02Rapport, QUOTES.ip01Rapport, QUOTES.co01Boundaries, QUOTES.co03Boundaries, QUOTES.ip02Boundaries];
const ATTRIBUTIONS = [
  '— CO-01, Correctional officer, Institution A — co-01.txt, line 2',
  '— CO-02, Correctional officer, Institution B — co-02.txt, line 2',
  '— IP-01, Incarcerated person, Institution B — ip-01.txt, line 2',
  '— CO-01, Correctional officer, Institution A — co-01.txt, line 5',
  '— CO-03, Correctional officer, Institution A — co-03.txt, line 2',
  '— IP-02, Incarcerated person, Institution A — ip-02.vtt, 00:01:02–00:01:06',
];
const PREVALENCE = ['Coded for 5 of 5 participants (100%)', 'Coded for 3 of 5 participants (60%)', 'Coded for 3 of 5 participants (60%)'];

async function exportTo(file: string, args: Record<string, unknown>) {
  const path = join(p.dir, file);
  const r = await door.call('excerpts.exportTo', { codes: [themeRoot], descendants: true, attributes: ['role', 'institution'], ...args, path } as never);
  return { path, r };
}

// jsdom ships no types; the one constructor used here is typed by hand.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Document } } };
const dom = (html: string) => new JSDOM(html).window.document;
const texts = (d: Document, sel: string) => [...d.querySelectorAll(sel)].map((e) => e.textContent!.trim());

describe('themed excerpt export, read back', () => {
  it('DOCX (mammoth): themes in order under a contents list, block quotes word for word, attributions, prevalence lines', async () => {
    const { path, r } = await exportTo('snippet.docx', { format: 'docx', memos: true });
    expect(r).toMatchObject({ themes: 3, quotes: 6, documents: 5, cases: 5 });
    const styleMap = [
      "p[style-name='Quote'] => blockquote > p:fresh",
      "p[style-name='Attribution'] => p.attribution:fresh",
      "p[style-name='Prevalence'] => p.prevalence:fresh",
      "p[style-name='Memo'] => p.memo:fresh",
    ];
    const { value } = await mammoth.convertToHtml({ path }, { styleMap });
    const d = dom(value);
    expect(texts(d, 'h1')).toEqual(['Establishing Rapport with Offenders']);
    expect(texts(d, 'h2, h3')).toEqual(['Contents', 'Dynamic security', 'Rapport', 'Boundaries']);
    expect(texts(d, 'blockquote p')).toEqual(SNIPPET_QUOTES);
    expect(texts(d, 'p.attribution')).toEqual(ATTRIBUTIONS);
    expect(texts(d, 'p.prevalence')).toEqual(PREVALENCE);
    expect(texts(d, 'p.memo')).toEqual(['Memo: Clear boundary: first names']);
    // The contents list links to each theme's heading.
    const links = [...d.querySelectorAll('a[href^="#theme_"]')].map((a) => a.textContent);
    expect(links).toEqual(['Dynamic security', 'Rapport', 'Boundaries']);
    // Page numbers are a field in the footer.
    const { unzipSync, strFromU8 } = await import('fflate');
    const zip = unzipSync(readFileSync(path));
    const footer = Object.keys(zip).find((k) => /^word\/footer\d*\.xml$/.test(k))!;
    expect(strFromU8(zip[footer]!)).toMatch(/PAGE/);
  });

  it('XLSX (exceljs): "All" then one sheet per theme, frozen header, autofilter, wrapped quote column', async () => {
    const { path } = await exportTo('table.xlsx', { format: 'xlsx', template: 'table' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['All', 'Rapport', 'Boundaries', 'About']);
    const all = wb.getWorksheet('All')!;
    const header = (all.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'theme',
      'quote',
      'document',
      'case',
      'role',
      'institution',
      'lines',
      'line start',
      'line end',
      'start',
      'end',
      'coder',
      'speaker',
      'memo',
    ]);
    expect(all.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(all.autoFilter).toBeTruthy();
    expect(all.getColumn(2).alignment?.wrapText).toBe(true);
    const rows = [];
    for (let i = 2; i <= all.rowCount; i += 1) rows.push((all.getRow(i).values as unknown[]).slice(1));
    // The table keeps one row per coding: the passage Alice and Bob both coded appears twice.
    expect(rows.map((r) => [r[0], r[1], r[11]])).toEqual([
      ['Dynamic security/Rapport', QUOTES.co01Rapport, 'Alice'],
      ['Dynamic security/Rapport', QUOTES.co02Rapport, 'Alice'],
      ['Dynamic security/Rapport', QUOTES.co02Rapport, 'Bob'],
      ['Dynamic security/Rapport', QUOTES.ip01Rapport, 'Bob'],
      ['Dynamic security/Boundaries', QUOTES.co01Boundaries, 'Alice'],
      ['Dynamic security/Boundaries', QUOTES.co03Boundaries, 'Alice'],
      ['Dynamic security/Boundaries', QUOTES.ip02Boundaries, 'Alice'],
    ]);
    // Offsets as stored (UTF-16): the emoji counts two units.
    const text = (await door.call('documents.content', { document: (await door.call('documents.list')).find((x) => x.name === 'co-01.txt')!.guid })).text;
    const [start, end] = [rows[0]![9] as number, rows[0]![10] as number];
    expect(text.slice(start, end)).toBe(`CO Martin: ${QUOTES.co01Rapport}`);
    expect(rows[6]!.slice(2, 7)).toEqual(['ip-02.vtt', 'IP-02', 'Incarcerated person', 'Institution A', '00:01:02–00:01:06']);
    expect((wb.getWorksheet('Rapport')!.getRow(2).values as unknown[])[2]).toBe(QUOTES.co01Rapport);
    const about = wb.getWorksheet('About')!;
    const aboutRows = [];
    for (let i = 1; i <= about.rowCount; i += 1) aboutRows.push((about.getRow(i).values as unknown[]).slice(1).join(' | '));
    expect(aboutRows).toContain('Theme: Dynamic security/Rapport | Coded for 3 of 5 participants (60%)');
  });

  it('CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting; one coder (Alice) changes quotes and prevalence', async () => {
    const { path } = await exportTo('alice.csv', { format: 'csv', template: 'table', coders: [alice] });
    const raw = readFileSync(path);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8');
    expect(
      text
        .replace(/"[^"]*"/g, '')
        .split('\n')
        .every((l, i, a) => i === a.length - 1 || l.endsWith('\r')),
    ).toBe(true);
    const records = parseCsvRecords(text, 'alice.csv').map((r) => r.fields);
    expect(records[0]![1]).toBe('quote');
    expect(records.slice(1).map((r) => r[1])).toEqual([
      QUOTES.co01Rapport,
      QUOTES.co02Rapport,
      QUOTES.co01Boundaries,
      QUOTES.co03Boundaries,
      QUOTES.ip02Boundaries,
    ]);
    expect(records.slice(1).every((r) => r[11] === 'Alice')).toBe(true);
    const md = readFileSync((await exportTo('alice.md', { format: 'md', coders: [alice] })).path, 'utf8');
    expect(md).toContain('**Coded for 2 of 5 participants (40%)**');
  });

  it('Markdown: headings in order, block quotes and attributions word for word', async () => {
    const { path } = await exportTo('snippet.md', { format: 'md' });
    const md = readFileSync(path, 'utf8');
    expect(md.split('\n').filter((l) => /^#{2,3} /.test(l))).toEqual(['## Contents', '## Dynamic security', '### Rapport', '### Boundaries']);
    const quotes = md
      .split('\n')
      .filter((l) => l.startsWith('> ') && !l.startsWith('> — '))
      .map((l) => mdUnescape(l.slice(2)));
    expect(quotes).toEqual(SNIPPET_QUOTES);
    const attributions = md
      .split('\n')
      .filter((l) => l.startsWith('> — '))
      .map((l) => mdUnescape(l.slice(2)));
    expect(attributions).toEqual(ATTRIBUTIONS);
    for (const line of PREVALENCE) expect(md).toContain(`**${line}**`);
  });

  it('HTML (jsdom): self-contained and printable, with the prevalence chart inline as SVG', async () => {
    const { path } = await exportTo('snippet.html', { format: 'html' });
    const html = readFileSync(path, 'utf8');
    const d = dom(html);
    expect(texts(d, 'main h2, main h3').filter((h) => h !== 'Contents')).toEqual(['Dynamic security', 'Rapport', 'Boundaries']);
    expect(texts(d, 'figure.quote blockquote')).toEqual(SNIPPET_QUOTES);
    expect(texts(d, 'figure.quote figcaption')).toEqual(ATTRIBUTIONS);
    expect(texts(d, 'p.prevalence')).toEqual(PREVALENCE);
    expect(d.querySelector('svg.chart title')?.textContent).toBe('Prevalence of each theme');
    expect(d.querySelectorAll('svg.chart rect.bar')).toHaveLength(3);
    // Nothing is fetched: no scripts, external styles, images or fonts.
    expect(d.querySelectorAll('script, link, img, iframe')).toHaveLength(0);
    expect(html).toMatch(/@media print/);
  });

  it('Research at a glance (DOCX): title, key words, the memo’s sections, "What we found" from the themes, "What we did" counted', async () => {
    const { path } = await exportTo('glance.docx', { format: 'docx', template: 'glance' });
    const { value } = await mammoth.convertToHtml({ path }, { styleMap: ["p[style-name='Quote'] => blockquote > p:fresh"] });
    const d = dom(value);
    expect(texts(d, 'h1')).toEqual(['Establishing Rapport with Offenders']);
    expect(texts(d, 'h2')).toEqual(['What it means', 'What we found', 'Why we did this study', 'What we did']);
    expect(d.body.textContent).toContain('KEY WORDS: dynamic security, staff-offender relations');
    expect(d.body.textContent).toContain('Correctional Officers must carefully establish rapport with offenders');
    // Two quotes per theme on the one page.
    expect(texts(d, 'blockquote p')).toEqual([QUOTES.co01Rapport, QUOTES.co02Rapport, QUOTES.co01Boundaries, QUOTES.co03Boundaries]);
    expect(d.body.textContent).toContain(
      'We analysed 5 interviews with 5 participants (role: Correctional officer 3, Incarcerated person 2; institution: Institution A 3, Institution B 2).',
    );
  });

  it('keeps speaker labels when asked, and cases can be chosen by attribute', async () => {
    const { path, r } = await exportTo('officers.md', { format: 'md', speakers: true, where: { role: 'Correctional officer' } });
    expect(r).toMatchObject({ quotes: 4, cases: 3 });
    const md = mdUnescape(readFileSync(path, 'utf8'));
    expect(md).toContain(`> CO Martin: ${QUOTES.co01Rapport}`);
    expect(md).not.toContain('Émilie');
    // Prevalence over the documents chosen: three officers, each their own interview.
    expect(md).toContain('**Coded for 2 of 3 participants (67%)**');
  });

  it('pseudonymises the export only: the project file is byte-identical', async () => {
    // The project file and its write-ahead log, byte for byte.
    const hash = () => [p.path, `${p.path}-wal`].map((f) => (existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : 'absent')).join(' ');
    const before = hash();
    const { path } = await exportTo('pseudo.html', {
      format: 'html',
      pseudonymise: {
        replace: [
          ['Émilie', '[officer]'],
          ['CO-01', 'Officer A'],
        ],
      },
    });
    const d = dom(readFileSync(path, 'utf8'));
    const captions = texts(d, 'figure.quote figcaption');
    expect(captions[0]).toBe('— Officer A, Correctional officer, Institution A — co-01.txt, line 2');
    // Cases not in the list become "Participant N" in case order.
    expect(captions[1]).toBe('— Participant 2, Correctional officer, Institution B — co-02.txt, line 2');
    expect(texts(d, 'figure.quote blockquote')[2]).toBe('… [officer] was always respectful.');
    expect(d.body.textContent).not.toMatch(/Émilie|CO-01|CO-02/);
    expect(hash()).toBe(before);
  });

  it('an unwritable folder gets one clear line and leaves no partial file; an existing file is left as it was', async () => {
    let dir: string;
    if (process.getuid?.() === 0) dir = '/sys';
    else {
      dir = join(p.dir, 'locked');
      mkdirSync(dir);
      writeFileSync(join(dir, 'report.docx'), 'old');
      chmodSync(dir, 0o500);
    }
    const target = join(dir, 'report.docx');
    await expect(door.call('excerpts.exportTo', { codes: [themeRoot], format: 'docx', path: target })).rejects.toThrow(
      /^report\.docx: cannot write in .+ \(no permission, or the folder is read-only\); choose another folder$/,
    );
    if (dir !== '/sys') {
      expect(readdirSync(dir)).toEqual(['report.docx']);
      expect(readFileSync(target, 'utf8')).toBe('old');
      chmodSync(dir, 0o700);
    } else expect(existsSync(target)).toBe(false);
    await expect(door.call('excerpts.exportTo', { codes: [themeRoot], format: 'md', path: join(p.dir, 'no-such-folder', 'x.md') })).rejects.toThrow(
      /^x\.md: the folder .+no-such-folder does not exist$/,
    );
    await expect(door.call('excerpts.exportTo', { codes: [themeRoot], format: 'md', path: p.path })).rejects.toThrow(/is the project file itself/);
    expect(readdirSync(p.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('reports its progress under the job id while it runs, for the dialog’s progress bar', async () => {
    const stages: string[] = [];
    const running = door.call('excerpts.export', { codes: [themeRoot], descendants: true, format: 'docx', job: 'job-1' });
    for (let i = 0; i < 200 && !stages.includes('done'); i += 1) {
      await new Promise((r) => setImmediate(r));
      const p = await door.call('excerpts.progress', { job: 'job-1' });
      if (stages.at(-1) !== p.stage) stages.push(p.stage);
    }
    await running;
    expect(stages[0]).toBe('collecting');
    expect(stages).toContain('writing');
    expect(await door.call('excerpts.progress', { job: 'job-1' })).toEqual({ stage: 'done', done: 3, total: 3 });
    expect(await door.call('excerpts.progress', { job: 'never-started' })).toEqual({ stage: 'unknown', done: 0, total: 0 });
  });

  it('the browser variant returns the same bytes as base64 with a file name and type', async () => {
    const f = await door.call('excerpts.export', { codes: [themeRoot], descendants: true, format: 'csv', template: 'table' });
    expect(f.name).toMatch(/^study excerpts table \d{4}-\d{2}-\d{2}\.csv$/);
    expect(f.mime).toBe('text/csv;charset=utf-8');
    expect(Buffer.from(f.base64, 'base64').toString('utf8')).toContain(QUOTES.co03Boundaries);
    const preview = await door.call('excerpts.preview', { codes: [themeRoot], descendants: true });
    expect(preview).toEqual({ themes: 3, quotes: 6, codings: 7, documents: 5, cases: 5 });
  });
});
