/**
 * Importing a .qdpx into a new project file. Everything is read, checked and planned in memory
 * first (a bad file is refused with one line before any file exists); the project is then built
 * in a temporary file beside the target, in one action, and renamed into place only when it is
 * complete. An existing file at the target is never touched.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { runAction } from '../../../../db/action.js';
import type { RefiProjectImportReport } from '../../../../shared/api/types-refi-import.js';
import { fail, MarginaliaError } from '../../../../shared/errors.js';
import { NS_PROJECT } from '../../../../shared/refi/index.js';
import { initProject } from '../../project.js';
import { closeSession, type Session } from '../../session.js';
import { findQde, SourceFiles } from './archive.js';
import { ReportLog, readProject, type QCode } from './model.js';
import { preferredCountings } from './positions.js';
import { planCodings } from './selections.js';
import { writePlan, type Plan } from './write-project.js';
import { DEFAULT_ZIP_LIMITS, openZip, type ZipLimits } from './zip.js';
import { parseQdaXml } from './xml.js';

export interface RefiImportOptions {
  limits?: ZipLimits;
  actor?: string;
}

/** Reads and plans the whole import; throws a one-line MarginaliaError for a bad file. Writes nothing. */
export async function planQdpx(
  bytes: Uint8Array,
  file: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<{ plan: Plan; log: ReportLog; entry: string }> {
  const log = new ReportLog();
  const zip = openZip(bytes, file, limits);
  const qde = findQde(zip, file, log);
  const xml = parseQdaXml(zip.read(qde), file, qde.name);
  if (xml.rootName === 'CodeBook') fail('invalid_input', `${file}: ${qde.name} is a code book, not a project; import it with "Import code book (.qdc)"`);
  if (xml.rootName !== 'Project')
    fail('invalid_input', `${file}: ${qde.name} is not a REFI-QDA project (its root element is <${xml.rootName}>, not <Project>)`);
  if (xml.namespace !== NS_PROJECT)
    log.adjust('file', qde.name, xml.namespace ? `namespace "${xml.namespace}" read as ${NS_PROJECT}` : `no namespace; read as ${NS_PROJECT}`);
  const project = readProject(xml.root, log);
  const files = new SourceFiles(zip, file, log);

  const codes = new Set<string>();
  const walk = (list: QCode[]) => list.forEach((c) => (codes.add(c.key), walk(c.children)));
  walk(project.codes);
  const users = new Set(project.users.map((u) => u.key));
  const known = {
    codes,
    users,
    fallbackUser: project.creatingUserKey && users.has(project.creatingUserKey) ? project.creatingUserKey : null,
    unlisted: new Set<string>(),
  };
  const preferred = preferredCountings(project.origin);

  const plan: Plan = { project, sources: [], notes: new Map() };
  for (const s of project.sources) {
    const text = await files.textOf(s);
    if (!text) continue;
    if (text.stored.length === 0) {
      log.skip('source', s.name, 'its text is empty');
      continue;
    }
    plan.sources.push({ source: s, text, codings: planCodings(file, s, text, known, preferred, log) });
  }
  // A coding by a user the file does not list is still someone's work: that user becomes a coder.
  for (const key of known.unlisted) {
    const name = `Unlisted user ${key}`;
    project.users.push({ key, name });
    log.adjust('user', key, `codings name this user, but the file's list of users does not; they are kept under a new coder "${name}"`);
  }
  for (const n of project.notes) {
    const text = files.noteText(n);
    if (text === null) log.skip('note', n.name || n.key, n.plainTextPath ? `its text "${n.plainTextPath}" is not in the archive` : 'it has no text');
    else plan.notes.set(n.key, { name: n.name, text });
  }
  return { plan, log, entry: qde.name };
}

export async function importQdpxBytes(bytes: Uint8Array, file: string, target: string, options: RefiImportOptions = {}): Promise<RefiProjectImportReport> {
  if (existsSync(target)) fail('duplicate', `${basename(target)}: already exists; choose a new file for the imported project (nothing was changed)`);
  if (!existsSync(dirname(target))) fail('not_found', `${basename(target)}: the folder ${dirname(target)} does not exist`);
  const { plan, log, entry } = await planQdpx(bytes, file, options.limits);

  const tmp = join(dirname(target), `.${basename(target)}.importing-${process.pid}-${Date.now()}`);
  const name = plan.project.name.trim() || basename(target, extname(target));
  let session: Session | null = null;
  try {
    session = initProject(tmp, { empty: true, name, ...(options.actor && { actor: options.actor }) });
    const counts = runAction(session.project, session.actor, (action) => {
      const c = writePlan(action, plan, log);
      action.log({ action: 'refi.import', entity: 'project', after: { file, entry, origin: plan.project.origin ?? null, counts: c } });
      return c;
    });
    closeSession(session);
    session = null;
    if (existsSync(target)) fail('duplicate', `${basename(target)}: appeared while importing; the import was not saved`);
    renameSync(tmp, target);
    return { file, project: target, entry, origin: plan.project.origin ?? null, counts, adjusted: log.adjusted, skipped: log.skipped };
  } catch (err) {
    if (session) {
      try {
        closeSession(session);
      } catch {
        // already failing; the file goes below
      }
    }
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) rmSync(f, { force: true });
    throw err;
  }
}

export async function importQdpxFile(path: string, target: string, options: RefiImportOptions = {}): Promise<RefiProjectImportReport> {
  const file = basename(path);
  const limit = (options.limits ?? DEFAULT_ZIP_LIMITS).maxTotalBytes;
  let bytes: Uint8Array;
  try {
    const st = statSync(path);
    if (!st.isFile()) fail('invalid_input', `${file}: not a file`);
    if (st.size > limit) fail('too_large', `${file}: ${Math.round(st.size / 1048576)} MB is over the ${Math.round(limit / 1048576)} MB limit for a .qdpx`);
    bytes = new Uint8Array(readFileSync(path));
  } catch (err) {
    if (err instanceof MarginaliaError) throw err;
    fail('not_found', `${file}: cannot open the file (${(err as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  return importQdpxBytes(bytes, file, target, options);
}

/** "interviews.qdpx" → "<folder>/interviews.marginalia", or "interviews (2).marginalia"… when taken. */
export function freeProjectPath(folder: string, uploadName: string): string {
  const stem = basename(uploadName, extname(uploadName)).trim() || 'imported';
  let path = join(folder, `${stem}.marginalia`);
  for (let i = 2; existsSync(path); i += 1) path = join(folder, `${stem} (${i}).marginalia`);
  return path;
}
