/**
 * Prepared statements cached per connection, for the hot paths (placing codings, logging
 * events) where building a drizzle query per call costs more than the SQL itself.
 */
import type Database from 'better-sqlite3';
import type { Db } from './open.js';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Db, sql: string): Database.Statement {
  const conn = db.$client;
  let map = cache.get(conn);
  if (!map) {
    map = new Map();
    cache.set(conn, map);
  }
  const hit = map.get(sql);
  if (hit) return hit;
  const made = conn.prepare(sql);
  map.set(sql, made);
  return made;
}
