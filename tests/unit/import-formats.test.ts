import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../electron/services/import/docx.js';
import { parseFile, parserFor } from '../../electron/services/import/parsers.js';

const path = (rel: string): string => fileURLToPath(new URL(`../../fixtures/${rel}`, import.meta.url));
/** A transcript's paragraphs as the importers should give them back. */
const paragraphsOf = (rel: string): string =>
  readFileSync(path(rel), 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .join('\n\n');

describe('parserFor', () => {
  it('maps extensions case-insensitively', () => {
    expect(parserFor('a.TXT').format).toBe('txt');
    expect(parserFor('notes.Markdown').format).toBe('md');
    expect(parserFor('x/y/Interview.DOCX').format).toBe('docx');
    expect(parserFor('b.pdf').format).toBe('pdf');
    expect(parserFor('c.VTT').format).toBe('vtt');
    expect(parserFor('d.srt').format).toBe('srt');
  });
});

describe('import of good files', () => {
  it('.docx: same paragraphs as the source transcript, turns detected', async () => {
    const doc = await parseFile(path('formats/co-01.docx'));
    expect(doc.text).toBe(paragraphsOf('transcripts/co-01.txt'));
    expect(doc.text).toContain("I'd say the camera tells you what happened and the conversation tells you what's about to happen.");
    expect(doc.turns).toHaveLength(21);
    expect(new Set(doc.turns.map((t) => t.speaker))).toEqual(new Set(['Interviewer', 'CO Martin']));
    expect(doc.cues).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it('.docx: a manual line break becomes LF and keeps the next turn', async () => {
    const d = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Interviewer: How long?'), new TextRun({ text: 'R: Ten years.', break: 1 }), new TextRun('\tstill')] }),
            new Paragraph({ children: [] }),
            new Paragraph({ children: [] }),
            new Paragraph({ children: [new TextRun({ text: 'Interviewer:', bold: true }), new TextRun(' Thanks.')] }),
          ],
        },
      ],
    });
    const parsed = await parseDocx(new Uint8Array(await Packer.toBuffer(d)), 'break.docx');
    expect(parsed.text).toBe('Interviewer: How long?\nR: Ten years.\tstill\n\nInterviewer: Thanks.');
  });

  it('.pdf: paragraphs back, page numbers and running header gone, hyphenation undone', async () => {
    const doc = await parseFile(path('formats/co-02.pdf'));
    expect(doc.text).toBe(paragraphsOf('transcripts/co-02.txt'));
    expect(doc.text).not.toMatch(/Page \d+ of \d+|Dynamic Security Study/);
    expect(doc.text).toContain("When someone's locked up twenty-three hours a day");
    expect(doc.turns).toHaveLength(19);
    expect(new Set(doc.turns.map((t) => t.speaker))).toEqual(new Set(['I', 'R']));
    expect(doc.warnings).toContain('co-02.pdf: dropped 3 page-number line(s)');
    expect(doc.warnings).toContain('co-02.pdf: dropped 3 running header/footer line(s)');
    expect(doc.warnings.some((w) => /joined \d+ word\(s\) hyphenated/.test(w))).toBe(true);
  });

  it('.vtt and .srt: the parser’s turns and cues are kept', async () => {
    const vtt = await parseFile(path('formats/ip-01.vtt'));
    expect(vtt.turns).toHaveLength(22);
    expect(vtt.cues.length).toBeGreaterThan(40);
    const srt = await parseFile(path('formats/ip-02.srt'));
    expect(srt.turns.length).toBeGreaterThan(10);
    expect(srt.turns.every((t) => t.speaker === 'Interviewer' || t.speaker === 'Sam')).toBe(true);
    expect(srt.cues[0]!.beginMs).toBe(0);
  });

  it('.txt: UTF-8 with accents and emoji, and CRLF + BOM normalised', async () => {
    const norway = await parseFile(path('transcripts/co-03-norway.txt'));
    expect(norway.text).toContain('«Vi snakker med de innsatte hver dag');
    expect(norway.text).toContain('Takk skal du ha. 🙂');
    expect(norway.turns.length).toBe(20);
    const crlf = await parseFile(path('transcripts/ip-03-crlf.txt'));
    expect(crlf.text).not.toMatch(/\r|\uFEFF/);
    expect(crlf.text.startsWith('Interviewer: Okay')).toBe(true);
    expect(crlf.turns[0]!.start).toBe(0);
  });

  it('.txt in Windows-1252 warns and still finds turns', async () => {
    const doc = await parseFile(path('bad/windows-1252.txt'));
    expect(doc.warnings).toEqual(['windows-1252.txt: not valid UTF-8; decoded as Windows-1252']);
    expect(doc.turns.map((t) => t.speaker)).toEqual(['Interviewer', 'Officer Dubois', 'Interviewer', 'Officer Dubois']);
  });

  it('.md: markup removed', async () => {
    const doc = await parseFile(path('transcripts/notes.md'));
    expect(doc.text).toContain('Emerging themes\n\n- Rapport as early warning.');
    expect(doc.text).not.toContain('**');
  });
});
