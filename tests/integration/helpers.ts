import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importParsed } from '../../electron/services/documents.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession, type Session } from '../../electron/services/session.js';
import { normaliseText } from '../../shared/text/normalise.js';
import { detectTurns } from '../../shared/text/turns.js';

export interface TempProject {
  dir: string;
  path: string;
  session: Session;
  done(): void;
}

export function tempDir(): { dir: string; done(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-test-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tempProject(options: { empty?: boolean } = {}): TempProject {
  const { dir, done } = tempDir();
  const path = join(dir, 'study.marginalia');
  const session = initProject(path, { ...options, actor: 'tester' });
  return {
    dir,
    path,
    session,
    done() {
      closeSession(session);
      done();
    },
  };
}

/** Imports text as if from a .txt file, without touching the disk. */
export function addText(session: Session, name: string, raw: string) {
  const text = normaliseText(raw);
  return importParsed(session, [{ file: name, doc: { text, turns: detectTurns(text), cues: [], warnings: [] } }]).imported[0]!;
}

/** Every row of every table, for "the project is exactly as it was" checks. */
export function dumpProject(session: Session): string {
  const { sqlite } = session.project;
  const tables = (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'doc_chunks_%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  return JSON.stringify(tables.map((t) => [t, sqlite.prepare(`SELECT * FROM "${t}"`).all()]));
}
