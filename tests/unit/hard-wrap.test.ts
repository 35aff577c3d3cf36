/**
 * Issue 12, point 11: a hard-wrapped .txt (lines broken at a fixed width inside paragraphs) is
 * reflowed into paragraphs on import, as PDFs are, with the change reported and no leading
 * spaces kept; a transcript that keeps a paragraph per line is imported exactly as it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTxt } from '../../electron/services/import/txt.js';
import { looksHardWrapped } from '../../shared/text/hard-wrap.js';
import { normaliseText } from '../../shared/text/normalise.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'transcripts');
const bytes = (f: string) => new Uint8Array(readFileSync(join(DIR, f)));
const text = (f: string) => normaliseText(readFileSync(join(DIR, f), 'utf8'));

describe('hard-wrapped plain text', () => {
  it('is told apart from transcripts that keep a paragraph per line', () => {
    for (const f of ['co-01.txt', 'co-02.txt', 'co-03-norway.txt', 'ip-01.txt', 'ip-02.txt', 'ip-03-crlf.txt', 'co-04-pdf-like.expected.txt'])
      expect({ f, wrapped: looksHardWrapped(text(f)) }).toEqual({ f, wrapped: false });
    for (const f of ['co-02-hard-wrapped.txt', 'co-04-pdf-like.txt']) expect({ f, wrapped: looksHardWrapped(text(f)) }).toEqual({ f, wrapped: true });
    // Short notes with a few deliberate line breaks are not a wrap column.
    expect(looksHardWrapped('I: Hi.\nR: Hello.\nI: Ready?\nR: Yes.\n')).toBe(false);
  });

  it('is reflowed into the same paragraphs as the unwrapped transcript, with the change reported', async () => {
    const wrapped = await parseTxt(bytes('co-02-hard-wrapped.txt'), 'co-02-hard-wrapped.txt');
    const plain = await parseTxt(bytes('co-02.txt'), 'co-02.txt');
    expect(wrapped.text).toBe(plain.text.replace(/\n+$/, ''));
    expect(wrapped.text.split('\n').some((l) => l.startsWith(' '))).toBe(false);
    expect(wrapped.warnings).toHaveLength(1);
    expect(wrapped.warnings[0]).toMatch(
      /^co-02-hard-wrapped\.txt: hard-wrapped lines joined into paragraphs \(\d+ line breaks removed, leading spaces dropped\)/,
    );
    expect(Number(/\((\d+) line breaks/.exec(wrapped.warnings[0]!)![1])).toBeGreaterThan(20);
  });

  it('leaves a normal transcript exactly as it is, and rebuilds PDF-like text as the PDF import does', async () => {
    const plain = await parseTxt(bytes('co-02.txt'), 'co-02.txt');
    expect(plain.text).toBe(text('co-02.txt'));
    expect(plain.warnings).toEqual([]);
    const pdfLike = await parseTxt(bytes('co-04-pdf-like.txt'), 'co-04-pdf-like.txt');
    expect(pdfLike.text).toBe(text('co-04-pdf-like.expected.txt').replace(/\n+$/, ''));
  });
});
