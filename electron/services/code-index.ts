/**
 * One code index (tree-ordered list, by path, by GUID, by id) per open connection, rebuilt only
 * when the code book has changed, so a lookup does not re-read and re-walk the whole tree.
 *
 * Staleness is detected, not promised by callers: a TEMP trigger (on this connection only, never
 * stored in the file) counts every write to `codes`, whoever makes it (services, undo/redo,
 * merges, cascades), and PRAGMA data_version changes when another connection commits (the CLI
 * writing while the app is open). A rolled-back write still counts, so the cache is only dropped.
 * Inside a transaction a fresh index is built but not kept: it may hold uncommitted rows.
 */
import type Database from 'better-sqlite3';
import { listCodes } from '../../db/queries/codes.js';
import type { Db } from '../../db/open.js';
import { normalisePath } from '../../shared/codebook/tree.js';
import type { CodeRecord } from '../../shared/types.js';

/** Shared by every caller until the next code-book change: read it, never mutate it. */
export interface CodeIndex {
  /** Parents before children, siblings by position. */
  list: readonly CodeRecord[];
  /** Keyed by normalisePath(path). */
  byPath: ReadonlyMap<string, CodeRecord>;
  byGuid: ReadonlyMap<string, CodeRecord>;
  byId: ReadonlyMap<number, CodeRecord>;
}

interface Watch {
  /** Writes to `codes` seen on this connection (bumped by the trigger). */
  writes: number;
  installed: boolean;
  kept?: { writes: number; dataVersion: number; index: CodeIndex };
}

const watches = new WeakMap<Database.Database, Watch>();
let builds = 0;

export { normalisePath };

function watchOf(sqlite: Database.Database): Watch {
  let w = watches.get(sqlite);
  if (!w) {
    w = { writes: 0, installed: false };
    watches.set(sqlite, w);
  }
  // Created outside any transaction only: a rollback would silently drop the triggers.
  if (!w.installed && sqlite.open && !sqlite.inTransaction) {
    const watch = w;
    try {
      sqlite.function('marginalia_codes_written', { deterministic: false }, () => {
        watch.writes += 1;
        return null;
      });
      for (const op of ['insert', 'update', 'delete']) {
        sqlite.exec(
          `CREATE TEMP TRIGGER IF NOT EXISTS marginalia_codes_${op} AFTER ${op.toUpperCase()} ON main.codes BEGIN SELECT marginalia_codes_written(); END`,
        );
      }
      w.installed = true;
    } catch {
      // No codes table yet (or a connection that cannot take triggers): never cache, always rebuild.
    }
  }
  return w;
}

function build(rows: CodeRecord[]): CodeIndex {
  builds += 1;
  // Frozen: every caller shares these records, so a change by one would mislead the others.
  const list = Object.freeze(rows.map((c) => Object.freeze(c)));
  return {
    list,
    byPath: new Map(list.map((c) => [normalisePath(c.path), c])),
    byGuid: new Map(list.map((c) => [c.guid, c])),
    byId: new Map(list.map((c) => [c.id, c])),
  };
}

/** The code book as it is now on this connection. */
export function codeIndexOf(db: Db): CodeIndex {
  const sqlite = db.$client;
  const w = watchOf(sqlite);
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  const kept = w.kept;
  if (w.installed && kept && kept.writes === w.writes && kept.dataVersion === dataVersion) return kept.index;
  const index = build(listCodes(db));
  if (w.installed && !sqlite.inTransaction) w.kept = { writes: w.writes, dataVersion, index };
  else w.kept = undefined;
  return index;
}

/** How many times an index was built (tests check that unchanged code books reuse it). */
export function codeIndexBuilds(): number {
  return builds;
}
