/**
 * Importing by path from this computer: a folder stands for the transcripts directly in it.
 * Sub-folders are not entered (a folder of interviews often holds an "old" or "audio" folder
 * that was never meant to be imported); files are taken in name order, so documents are listed
 * in the order a file manager shows them.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fail } from '../../shared/errors.js';
import { importFiles, type ImportReport, type ImportRequest } from './documents.js';
import { SUPPORTED_EXTENSIONS } from './import/parsers.js';
import type { Session } from './session.js';

export interface PathImportReport extends ImportReport {
  ignored: { file: string; reason: string }[];
}

// Made on first use: building a collator costs milliseconds every CLI start would pay.
let collator: Intl.Collator | undefined;
const byName = () => (collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' }));

/** The files to import for `paths` (folders expanded), and what the folders held besides. */
export function expandImportPaths(paths: string[]): { files: string[]; ignored: { file: string; reason: string }[] } {
  const files: string[] = [];
  const ignored: { file: string; reason: string }[] = [];
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      // Not there: the file import names it ("no such file").
    }
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => byName().compare(a.name, b.name));
    let found = 0;
    for (const e of entries) {
      const file = join(path, e.name);
      const ext = extname(e.name).toLowerCase();
      if (e.name.startsWith('.')) ignored.push({ file, reason: 'a hidden file' });
      else if (e.isDirectory()) ignored.push({ file, reason: 'a folder (folders inside are not imported)' });
      else if (!e.isFile()) ignored.push({ file, reason: 'not a regular file' });
      else if (!SUPPORTED_EXTENSIONS.includes(ext)) ignored.push({ file, reason: ext ? `not a transcript type (${ext})` : 'no file extension' });
      else {
        files.push(file);
        found += 1;
      }
    }
    if (found === 0) fail('invalid_input', `${basename(path)}: no transcripts in this folder (${SUPPORTED_EXTENSIONS.join(' ')})`);
  }
  return { files, ignored };
}

export async function importPaths(session: Session, paths: string[], req: ImportRequest = {}): Promise<PathImportReport> {
  const { files, ignored } = expandImportPaths(paths);
  return { ...(await importFiles(session, files, req)), ignored };
}
