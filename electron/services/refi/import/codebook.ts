/**
 * Importing a REFI-QDA code book (.qdc) into this project's code book, in one action: each code
 * is matched by GUID, then by path; codes the project lacks are added under their (matched or
 * new) parent with colour and Description. Matched codes are left as they are. Namespace
 * variants seen in the wild are accepted and noted; Sets are reported, never imported.
 */
import { runAction } from '../../../../db/action.js';
import { backupBefore } from '../../safety/index.js';
import { listCodes } from '../../../../db/queries/codes.js';
import type { RefiCodebookImportReport } from '../../../../shared/api/types-refi-import.js';
import { MAX_NAME_LENGTH, normaliseColor } from '../../../../shared/codebook/tree.js';
import { fail } from '../../../../shared/errors.js';
import { CODEBOOK_NAMESPACES_SEEN, NS_CODEBOOK, normalizeRefiGuid, parseDescription } from '../../../../shared/refi/index.js';
import { insertNewCode } from '../../codebook.js';
import { normalisePath } from '../../lookup.js';
import type { Session } from '../../session.js';
import { ReportLog, readCodes, reportUnmapped, type QCode } from './model.js';
import { child } from './xml.js';
import { parseQdaXml } from './xml.js';

/** A name our code book accepts: no "/", no line breaks, not empty, not too long. */
export function cleanCodeName(raw: string): string {
  let name = raw
    .trim()
    .replace(/\//g, '-')
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
  if ([...name].length > MAX_NAME_LENGTH) name = [...name].slice(0, MAX_NAME_LENGTH).join('').trim();
  return name || 'Unnamed code';
}

export function importQdc(session: Session, bytes: Uint8Array, file: string): RefiCodebookImportReport {
  const log = new ReportLog();
  if (bytes.length === 0) fail('empty_file', `${file}: the file is empty`);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) fail('invalid_input', `${file}: this is a zip archive (a .qdpx project?), not a .qdc code book`);
  const xml = parseQdaXml(bytes, file, 'the code book');
  let book = xml.root;
  if (xml.rootName === 'Project') {
    const inner = child(xml.root, 'CodeBook');
    if (!inner) fail('invalid_input', `${file}: a REFI-QDA project without a code book`);
    log.adjust('file', file, 'a project XML rather than a code book; its code book was read');
    book = inner;
  } else if (xml.rootName !== 'CodeBook') {
    fail('invalid_input', `${file}: not a REFI-QDA code book (its root element is <${xml.rootName}>, not <CodeBook>)`);
  }
  if (xml.namespace !== NS_CODEBOOK) {
    const seen = (CODEBOOK_NAMESPACES_SEEN as readonly string[]).includes(xml.namespace);
    log.adjust(
      'file',
      file,
      xml.namespace
        ? `namespace "${xml.namespace}"${seen ? ' (a variant seen in the wild)' : ''} read as ${NS_CODEBOOK}`
        : `no namespace; read as ${NS_CODEBOOK}`,
    );
  }
  const codes = readCodes(child(book, 'Codes'));
  reportUnmapped(book, log);
  if (codes.length === 0) fail('invalid_input', `${file}: the code book has no codes`);

  const report: RefiCodebookImportReport = {
    file,
    origin: book['@']?.origin ?? null,
    created: [],
    matched: 0,
    adjusted: log.adjusted,
    skipped: log.skipped,
    backup: null,
  };
  // A copy first, as before every merge into the project (a read-only open is refused here too).
  report.backup = backupBefore(session, 'refi-import');
  runAction(session.project, session.actor, (action) => {
    const seenGuids = new Set<string>();
    const place = (list: QCode[], parentId: number | null, parentPath: string) => {
      for (const c of list) {
        const name = cleanCodeName(c.name);
        const path = parentPath ? `${parentPath}/${name}` : name;
        if (name !== c.name) log.adjust('code', c.name || c.key, `imported as "${path}" (no "/" or line breaks in names)`);
        const guid = normalizeRefiGuid(c.key);
        if (!guid) log.adjust('code', path, `its id "${c.key}" is not a GUID; matched by path only`);
        const here = listCodes(action.db);
        const match = (guid && !seenGuids.has(guid) && here.find((h) => h.guid === guid)) || here.find((h) => normalisePath(h.path) === normalisePath(path));
        if (guid) seenGuids.add(guid);
        if (match) {
          report.matched += 1;
          place(c.children, match.id, match.path);
          continue;
        }
        let color: string | undefined;
        if (c.color) {
          try {
            color = normaliseColor(c.color);
          } catch {
            log.adjust('code', path, `its colour "${c.color}" is not a colour; given one`);
          }
        }
        const free = guid && !here.some((h) => h.guid === guid) ? guid : undefined;
        const row = insertNewCode(action, parentId, name, { ...(color && { color }), ...parseDescription(c.description) }, free);
        report.created.push(path);
        place(c.children, row.id, path);
      }
    };
    // Only code.create events: the import is one undo step, as a JSON or CSV code book's is.
    place(codes, null, '');
  });
  return report;
}
