/**
 * Building and writing .qdpx archives and .qdc files. A file on disk is written next to its
 * final name and renamed into place, so a reader never sees half an export and a failed export
 * leaves any earlier file untouched.
 */
import { writeFileAtomic } from '../../../files/write-atomic.js';
import { basename, extname } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { fail } from '../../../../shared/errors.js';
import { QDC_EXT, QDE_ENTRY, QDPX_EXT, SOURCES_DIR } from '../../../../shared/refi/index.js';
import type { RefiExportSummary } from '../../../../shared/refi/types.js';
import type { Session } from '../../session.js';
import { buildCodebookXml } from './codebook-xml.js';
import { buildProjectXml } from './project-xml.js';
import { readSnapshot } from './snapshot.js';

export interface QdpxBuild {
  bytes: Uint8Array;
  summary: RefiExportSummary;
}

/** The whole project as a .qdpx archive in memory. */
export function buildQdpx(session: Session): QdpxBuild {
  const snap = readSnapshot(session);
  const built = buildProjectXml(snap);
  const entries: Zippable = { [QDE_ENTRY]: strToU8(built.xml) };
  for (const s of built.sources) entries[`${SOURCES_DIR}/${s.file}`] = strToU8(s.text);
  // Deterministic archive: fixed entry times, so an unchanged project gives identical bytes.
  const bytes = zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
  return {
    bytes,
    summary: {
      fileName: `${safeFileName(snap.project.name)}${QDPX_EXT}`,
      bytes: bytes.length,
      users: built.counts.users,
      codes: built.counts.codes,
      variables: built.counts.variables,
      cases: built.counts.cases,
      documents: built.counts.sources,
      codings: built.counts.selections,
      notes: built.counts.notes,
    },
  };
}

export function buildQdc(session: Session): { xml: string; codes: number; fileName: string } {
  const snap = readSnapshot(session, { codebookOnly: true });
  return { xml: buildCodebookXml(snap), codes: snap.codes.length, fileName: `${safeFileName(snap.project.name)}${QDC_EXT}` };
}

export function exportQdpxToFile(session: Session, path: string): RefiExportSummary & { path: string } {
  if (extname(path).toLowerCase() !== QDPX_EXT) fail('invalid_input', `${basename(path)}: a REFI-QDA project file must end in ${QDPX_EXT}`);
  const { bytes, summary } = buildQdpx(session);
  writeFileAtomic(path, bytes);
  return { ...summary, fileName: basename(path), path };
}

/** A file name from the project's name: no path separators or characters Windows refuses. */
export function safeFileName(name: string): string {
  const s = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .trim()
    .replace(/^\.+/, '');
  return s || 'project';
}
