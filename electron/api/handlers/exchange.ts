/**
 * Handlers for what the CLI and the Electron menu do with files on this computer: importing
 * transcripts by path (a folder: the transcripts in it), code books, codings and case attributes
 * in and out as text (the caller reads and writes the files), and the few code-book and case
 * operations only they use (a code with its missing parents, a document's case).
 */
import { fail } from '../../../shared/errors.js';
import { assignSpeakerCase, importAttributesCsvText } from '../../services/cases.js';
import { codebook } from '../../services/codebook.js';
import { exportCodebook, importCodebookText } from '../../services/codebook-io.js';
import { createCodePath } from '../../services/code-paths.js';
import { codingsToCsv, exportCodings, importCodingsCsvText } from '../../services/codings-io.js';
import { assignDocumentCase } from '../../services/documents.js';
import { importPaths } from '../../services/import-paths.js';
import { requireCoderByGuid, requireDocumentByGuid } from '../../services/lookup.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type ExchangeMethod =
  | 'documents.importFiles'
  | 'documents.setCase'
  | 'codebook.createPath'
  | 'codebook.export'
  | 'codebook.import'
  | 'codings.import'
  | 'codings.export'
  | 'cases.importAttributes';

export function exchangeHandlers(session: Session): { [M in ExchangeMethod]: Handler<M> } {
  const db = () => session.project.db;
  const docName = (guid: string) => requireDocumentByGuid(db(), guid).name;
  return {
    'documents.importFiles': ({ paths, caseName, allowDuplicates, maxBytes }) =>
      importPaths(session, paths, { ...(caseName && { caseName }), ...(allowDuplicates && { allowDuplicates }), ...(maxBytes !== undefined && { maxBytes }) }),
    'documents.setCase': ({ document, caseName, speaker }) => {
      if (speaker !== undefined) {
        if (caseName === null) fail('invalid_input', "caseName: a speaker's turns need a case (null removes only a whole document's case)");
        assignSpeakerCase(session, docName(document), speaker, caseName);
      } else assignDocumentCase(session, docName(document), caseName);
      return null;
    },
    'codebook.createPath': ({ parent, names, ...fields }) => createCodePath(session, parent, names, fields),
    'codebook.export': async ({ format }) => {
      // The REFI-QDA writer (and its zip library) loads only when a .qdc is asked for.
      if (format === 'qdc') return { format, ...pick((await import('../../services/refi/export/qdpx.js')).buildQdc(session)) };
      return { format, codes: codebook(session).length, content: exportCodebook(session, format) };
    },
    'codebook.import': ({ format, content, name, update }) =>
      importCodebookText(session, content, format, name ?? `the ${format.toUpperCase()} code book`, { update: update ?? false }),
    'codings.import': ({ csv, name }) => importCodingsCsvText(session, csv, name ?? 'the CSV'),
    'codings.export': ({ format, viewer }) => {
      const rows = exportCodings(session, viewer === undefined ? undefined : requireCoderByGuid(db(), viewer).name);
      return { format, rows, content: format === 'csv' ? codingsToCsv(rows) : `${JSON.stringify(rows, null, 2)}\n` };
    },
    'cases.importAttributes': ({ csv, name }) => importAttributesCsvText(session, csv, name ?? 'the CSV'),
  };
}

/** REFI-QDA .qdc (issue 14): the XML as the content. */
function pick(q: { xml: string; codes: number }): { codes: number; content: string } {
  return { codes: q.codes, content: q.xml };
}
