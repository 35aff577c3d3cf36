import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../electron/services/import/decode.js';
import { MarginaliaError } from '../../shared/errors.js';

const bad = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/bad/${name}`, import.meta.url)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function errorOf(fn: () => unknown): MarginaliaError {
  try {
    fn();
  } catch (err) {
    if (err instanceof MarginaliaError) return err;
    throw err;
  }
  throw new Error('expected a MarginaliaError');
}

describe('decodeText', () => {
  it('reads plain UTF-8, with and without a BOM, keeping CRLF for normalisation', () => {
    expect(decodeText(utf8('R: Ja, på avdelingen 🙂\r\n'), 'a.txt')).toEqual({ text: 'R: Ja, på avdelingen 🙂\r\n', encoding: 'utf-8', warnings: [] });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('I: é')]);
    expect(decodeText(withBom, 'b.txt').text).toBe('I: é');
  });

  it('reads UTF-16 LE and BE with a BOM (accents and emoji intact)', () => {
    const le = decodeText(bad('utf16le-bom.txt'), 'utf16le-bom.txt');
    const be = decodeText(bad('utf16be-bom.txt'), 'utf16be-bom.txt');
    expect(le.encoding).toBe('utf-16le');
    expect(be.encoding).toBe('utf-16be');
    expect(le.text).toBe(be.text);
    expect(le.text.startsWith('Interviewer: Hvordan er en vanlig vakt på avdelingen?')).toBe(true);
    expect(le.text).toContain('Betjent Ødegård: Vi spiser lunsj');
    expect(le.text).toContain('🙂');
    expect(le.text).toContain('Être juste, toujours 👍');
    expect(le.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('falls back to Windows-1252 with a warning', () => {
    const d = decodeText(bad('windows-1252.txt'), 'windows-1252.txt');
    expect(d.encoding).toBe('windows-1252');
    expect(d.warnings).toEqual(['windows-1252.txt: not valid UTF-8; decoded as Windows-1252']);
    expect(d.text).toContain('Officer Dubois: Ça fait six ans. J’ai commencé à l’unité fermée – c’était dur au début.');
  });

  it('refuses binary data', () => {
    const err = errorOf(() => decodeText(bad('binary.txt'), 'binary.txt'));
    expect(err.code).toBe('binary_file');
    expect(err.message).toBe('binary.txt: looks like binary data, not text');
    // Control characters without NULs, too.
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 0x01 : 0x61));
    expect(errorOf(() => decodeText(controls, 'ctl.txt')).code).toBe('binary_file');
  });

  it('accepts tabs, form feeds and the odd control character', () => {
    const text = `Interviewer:\tHello\f\n${'R: fine. '.repeat(20)}\u0007\n`;
    expect(decodeText(utf8(text), 'ok.txt').text).toBe(text);
  });

  it('refuses empty and whitespace-only files', () => {
    expect(errorOf(() => decodeText(bad('empty.txt'), 'empty.txt'))).toMatchObject({ code: 'empty_file', message: 'empty.txt: the file is empty' });
    expect(errorOf(() => decodeText(utf8(' \r\n\t\n'), 'blank.txt')).code).toBe('empty_file');
    expect(errorOf(() => decodeText(new Uint8Array([0xff, 0xfe, 0x20, 0x00]), 'blank16.txt')).code).toBe('empty_file');
  });

  it('refuses UTF-16 with an odd byte count', () => {
    const err = errorOf(() => decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]), 'odd.txt'));
    expect(err.code).toBe('corrupt_file');
    expect(err.message.startsWith('odd.txt: ')).toBe(true);
  });
});
