import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPageNumberLine, reflowHardWrapped } from '../../shared/text/reflow.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/transcripts/${name}`, import.meta.url), 'utf8');

describe('reflowHardWrapped on the PDF-like fixture', () => {
  it('gives exactly the expected text', () => {
    const r = reflowHardWrapped(fixture('co-04-pdf-like.txt'));
    expect(r.text).toBe(fixture('co-04-pdf-like.expected.txt').replace(/\n+$/, ''));
    expect(r.pageNumbers).toBeGreaterThanOrEqual(2);
    expect(r.headersFooters).toBeGreaterThanOrEqual(2);
    expect(r.dehyphenated).toBeGreaterThanOrEqual(1);
    expect(r.text).not.toContain('Dynamic Security Study');
  });
});

describe('reflowHardWrapped rules', () => {
  it('recognises page-number lines', () => {
    for (const l of ['3', 'Page 4', 'page 4 of 10', '4 of 10', '4/10', '- 5 -', '– 5 –', ' 12 ', 'Side 3']) expect(isPageNumberLine(l)).toBe(true);
    for (const l of ['3 men', 'Page four was torn', 'R: 4', 'In 2024']) expect(isPageNumberLine(l)).toBe(false);
  });

  it('joins hyphenated line ends, keeping real hyphens', () => {
    const r = reflowHardWrapped([
      'We talk about dynamic secu-',
      'rity every day. It is a well-',
      'known idea in high-',
      'security units and Anglo-',
      'Saxon and COVID-',
      '19 times, face-to-',
      'face. A dash -',
      'stays spaced.',
    ]);
    expect(r.text).toBe(
      'We talk about dynamic security every day. It is a well-known idea in high-security units and Anglo-Saxon and COVID-19 times, face-to-face. A dash - stays spaced.',
    );
    expect(r.dehyphenated).toBe(1);
  });

  it('starts paragraphs at blank lines and at speaker labels, collapsing whitespace', () => {
    const r = reflowHardWrapped('Interviewer: How   long have\nyou worked here?\nR: Ten years.\nMostly nights.\n\nA new paragraph\nof the same turn.');
    expect(r.text).toBe('Interviewer: How long have you worked here?\n\nR: Ten years. Mostly nights.\n\nA new paragraph of the same turn.');
  });

  it('drops running headers and footers on explicit pages, and runs sentences on across pages', () => {
    const page = (n: number, body: string[]): string[] => ['Study of Units — confidential', '', ...body, '', `Page ${n} of 3`];
    const lines = [
      ...page(1, ['Interviewer: Tell me about the unit and how', 'you came to work there.']),
      '\f',
      ...page(2, ['R: It was a long road, and I', 'started in the kitchen before I moved']),
      '\f',
      ...page(3, ['to the units.', 'Interviewer: Thanks.']),
    ];
    const r = reflowHardWrapped(lines);
    expect(r.text).toBe(
      'Interviewer: Tell me about the unit and how you came to work there.\n\nR: It was a long road, and I started in the kitchen before I moved to the units.\n\nInterviewer: Thanks.',
    );
    expect(r.pageNumbers).toBe(3);
    expect(r.headersFooters).toBe(3);
  });

  it('keeps a repeated line that is not at a page edge', () => {
    const r = reflowHardWrapped(['Interviewer: Really?', '', 'R: Yes.', '', 'Interviewer: Really?', '', 'R: Yes.', '', 'Interviewer: End.']);
    expect(r.text.match(/R: Yes\./g)).toHaveLength(2);
    expect(r.headersFooters).toBe(0);
  });
});
