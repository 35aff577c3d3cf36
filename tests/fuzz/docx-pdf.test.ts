/**
 * Fuzzing the binary importers: a real .docx and a real .pdf with bytes flipped, overwritten,
 * inserted, deleted, repeated or cut off, plus random bytes behind each format's magic number.
 * Word files are zips (damaged compressed streams, directories, XML); PDFs go through pdfjs.
 * Fewer runs than the text formats: each input here costs milliseconds, not microseconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../electron/services/import/parsers.js';
import { bounds, cleanly, fixtureBytes, mutated, randomBytes } from './fuzz-helpers.js';

const DOCX = [fixtureBytes('formats', 'co-01.docx')];
const PDF = [fixtureBytes('formats', 'co-02.pdf')];

async function check(name: string, bytes: Uint8Array): Promise<void> {
  const doc = await cleanly(name, () => parseBytes(name, bytes));
  // Text comes only from what the file holds: a flipped length field must not conjure megabytes.
  if (doc) expect(doc.text.length).toBeLessThan(4 * 1024 * 1024);
}

describe('binary importers never crash, never hang', () => {
  it('.docx: mutated', () =>
    fc.assert(
      fc.asyncProperty(mutated(DOCX, 3), (b) => check('fuzz.docx', b)),
      bounds(60, 3000, 8000),
    ));
  it('.docx: random bytes after the zip magic', () =>
    fc.assert(
      fc.asyncProperty(randomBytes(DOCX), (b) => check('fuzz.docx', b)),
      bounds(60, 3000, 4000),
    ));
  it(
    '.pdf: mutated',
    () =>
      fc.assert(
        fc.asyncProperty(mutated(PDF, 3), (b) => check('fuzz.pdf', b)),
        bounds(30, 5000, 8000),
      ),
    20_000,
  );
  it('.pdf: random bytes after the %PDF header', () =>
    fc.assert(
      fc.asyncProperty(randomBytes(PDF), (b) => check('fuzz.pdf', b)),
      bounds(40, 3000, 4000),
    ));
});
