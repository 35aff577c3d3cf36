/** Reading small text inputs (CSV, JSON) with errors that name the file. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fail } from '../../shared/errors.js';
import { utf16WithoutBom } from './import/decode.js';

const MAX_TABLE_BYTES = 50 * 1024 * 1024;

export function readTextFile(file: string): string {
  const name = basename(file);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return fail('not_found', `${name}: no such file`);
  }
  if (size === 0) fail('empty_file', `${name}: the file is empty`);
  if (size > MAX_TABLE_BYTES) fail('too_large', `${name}: ${(size / 1e6).toFixed(1)} MB is over the 50 MB limit for tables`);
  const bytes = readFileSync(file);
  const resave = /\.csv$/i.test(name) ? 'save it as UTF-8 CSV and try again' : 'save it as UTF-8 and try again';
  if (utf16WithoutBom(bytes)) fail('invalid_input', `${name}: UTF-16 text, not UTF-8 (${resave})`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('invalid_input', `${name}: not UTF-8 text (${resave})`);
  }
  if (text.includes('\u0000')) fail('binary_file', `${name}: looks like binary data, not text`);
  if (!text.trim()) fail('empty_file', `${name}: the file is empty`);
  return text.replace(/^\uFEFF/, '');
}
