import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../electron/services/import/parsers.js';
import { type ErrorCode, MarginaliaError } from '../../shared/errors.js';

const bad = (name: string): string => fileURLToPath(new URL(`../../fixtures/bad/${name}`, import.meta.url));

async function errorOf(p: Promise<unknown>): Promise<MarginaliaError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof MarginaliaError) return err;
    throw err;
  }
  throw new Error('expected a MarginaliaError');
}

const cases: [string, ErrorCode, RegExp][] = [
  ['empty.txt', 'empty_file', /empty/],
  ['binary.txt', 'binary_file', /looks like binary data, not text/],
  ['corrupt.docx', 'corrupt_file', /not a valid \.docx/],
  ['truncated.docx', 'corrupt_file', /damaged or incomplete/],
  ['encrypted.docx', 'encrypted_file', /password-protected; remove the password in Word and import again/],
  ['truncated.pdf', 'corrupt_file', /incomplete|damaged/],
  ['encrypted.pdf', 'encrypted_file', /password-protected/],
  ['no-text.pdf', 'empty_file', /no text layer .*scan/],
  ['notes.xyz', 'unsupported_format', /unsupported type \(\.xyz\); supported: \.txt \.md \.markdown \.docx \.pdf \.vtt \.srt/],
];

describe('bad inputs give the right error, one line, naming the file', () => {
  for (const [name, code, why] of cases) {
    it(name, async () => {
      const err = await errorOf(parseFile(bad(name)));
      expect(err.code).toBe(code);
      expect(err.message.startsWith(`${name}: `)).toBe(true);
      expect(err.message).toMatch(why);
      expect(err.message).not.toContain('\n');
    });
  }
});

describe('file-level checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses files over the size limit, naming size, limit and the CLI flag', async () => {
    const file = join(dir, 'big.txt');
    writeFileSync(file, 'Interviewer: hello\n'.repeat(120_000)); // about 2.2 MB
    const err = await errorOf(parseFile(file, { maxBytes: 1024 * 1024 }));
    expect(err.code).toBe('too_large');
    expect(err.message).toBe('big.txt: 2.2 MB is over the import limit of 1.0 MB; raise it with --max-size MB');
  });

  it('reports a missing file', async () => {
    const err = await errorOf(parseFile(join(dir, 'missing.txt')));
    expect(err.code).toBe('not_found');
    expect(err.message.startsWith('missing.txt: ')).toBe(true);
  });

  it('reports a file with no extension as unsupported', async () => {
    const err = await errorOf(parseFile(join(dir, 'README')));
    expect(err.code).toBe('unsupported_format');
    expect(err.message).toMatch(/^README: has no file extension; supported: /);
  });

  it('refuses a Markdown file that is only markup', async () => {
    const file = join(dir, 'only-image.md');
    writeFileSync(file, '![x](y.png)\n\n---\n');
    const err = await errorOf(parseFile(file));
    expect(err.code).toBe('empty_file');
    expect(err.message.startsWith('only-image.md: ')).toBe(true);
  });
});
