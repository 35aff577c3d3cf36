/** Creating a project file and reading what it is. */
import { basename, extname } from 'node:path';
import { runAction } from '../../db/action.js';
import { closeProject } from '../../db/open.js';
import { getMeta, setMeta } from '../../db/queries/meta.js';
import { countCodings } from '../../db/queries/codings.js';
import { listCoders } from '../../db/queries/coders.js';
import { listDocuments } from '../../db/queries/documents.js';
import { DEFAULT_CODEBOOK } from '../../shared/codebook/default.js';
import type { ProjectInfo } from '../../shared/api/types.js';
import { newGuid } from '../../shared/ids.js';
import { mergeSpecs } from './codebook-io.js';
import { codeIndexOf } from './code-index.js';
import { createSession, type Session } from './session.js';

export interface InitOptions {
  /** Start with no codes instead of the default dynamic-security code book. */
  empty?: boolean;
  name?: string;
  actor?: string;
}

export function initProject(path: string, options: InitOptions = {}): Session {
  const session = createSession(path, options.actor);
  try {
    runAction(session.project, session.actor, (action) => {
      const guid = newGuid();
      const name = options.name ?? basename(path, extname(path));
      setMeta(action.db, 'guid', guid);
      setMeta(action.db, 'name', name);
      setMeta(action.db, 'created_at', action.at);
      setMeta(action.db, 'blind_coding', 'false');
      action.log({ action: 'project.create', entity: 'project', entityGuid: guid, after: { name, empty: !!options.empty } });
      if (!options.empty) mergeSpecs(action, DEFAULT_CODEBOOK, false);
    });
    return session;
  } catch (err) {
    closeProject(session.project);
    throw err;
  }
}

export type { ProjectInfo };

export function projectInfo(session: Session): ProjectInfo {
  const { db, sqlite, path } = session.project;
  return {
    path,
    guid: getMeta(db, 'guid') ?? '',
    name: getMeta(db, 'name') ?? basename(path),
    createdAt: getMeta(db, 'created_at') ?? '',
    schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
    documents: listDocuments(session.project).length,
    codes: codeIndexOf(db).list.length,
    coders: listCoders(db).map((c) => ({ guid: c.guid, name: c.name })),
    codings: countCodings(db),
  };
}
