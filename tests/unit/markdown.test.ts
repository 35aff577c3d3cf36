import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../shared/text/markdown.js';
import { detectTurns } from '../../shared/text/turns.js';

describe('markdownToText', () => {
  it('strips headings, emphasis, links and images; keeps bullets and paragraphs', () => {
    const md = [
      '# Interview *CO-05*',
      'Recorded at **Institution C**.',
      '',
      '![photo of the unit](unit.jpg)',
      '',
      '## Notes ##',
      '* first _point_ with `code_span` and snake_case_name',
      '+ second point, see [the wiki](https://example.org/a_(b)) and [ref][1]',
      '  - nested ~~struck~~ item',
      '1. ordered stays',
      '',
      '> Quoted **speech** here.',
      '',
      '---',
      '',
      'Setext heading',
      '==============',
      'Body line one  ',
      'body line two with \\*literal stars\\* and <https://example.org>.',
      '',
      '[1]: https://example.org/ref "Title"',
    ].join('\n');
    expect(markdownToText(md)).toBe(
      [
        'Interview CO-05',
        '',
        'Recorded at Institution C.',
        '',
        'Notes',
        '',
        '- first point with code_span and snake_case_name',
        '- second point, see the wiki and ref',
        '  - nested struck item',
        '1. ordered stays',
        '',
        'Quoted speech here.',
        '',
        'Setext heading',
        '',
        'Body line one',
        'body line two with *literal stars* and https://example.org.',
      ].join('\n'),
    );
  });

  it('keeps fenced code verbatim', () => {
    const md = 'Before\n\n```text\nR: **not bold** here\n\n  indented\n```\n\nAfter';
    expect(markdownToText(md)).toBe('Before\n\nR: **not bold** here\n\n  indented\n\nAfter');
  });

  it('keeps speaker labels at line starts so turns survive', () => {
    const md = '**Interviewer:** How long?\n\n**R:** Ten *years*.\n\n**Interviewer:** Thanks.';
    const text = markdownToText(md);
    expect(text).toBe('Interviewer: How long?\n\nR: Ten years.\n\nInterviewer: Thanks.');
    expect(detectTurns(text).map((t) => t.speaker)).toEqual(['Interviewer', 'R', 'Interviewer']);
  });

  it('turns the fixture memo into plain text', () => {
    const md = readFileSync(new URL('../../fixtures/transcripts/notes.md', import.meta.url), 'utf8');
    const text = markdownToText(md);
    expect(text.startsWith('Analytic memo: first pass over interviews CO-01 to IP-03\n\n')).toBe(true);
    expect(text).toContain('- Rapport as early warning. Officers');
    expect(text).toContain('that somebody usually tips you off.');
    expect(text).toContain('definitions in the project wiki before');
    expect(text).not.toMatch(/[*#]|\]\(/);
    expect(text).not.toMatch(/\n{3,}/);
  });
});
