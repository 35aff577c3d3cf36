/** Results of the audit methods (shared/api/methods/history.ts). */

/** One change from the event log, described for people. */
export interface AuditEntry {
  /** The event's id in the log (increasing with time). */
  id: number;
  /** Events of one user action share a batch. */
  batch: string;
  /** ISO 8601 time (UTC). */
  at: string;
  /** Who made the change: the coder name given with --as, or the computer's user name. */
  actor: string;
  /** The logged action, e.g. `coding.apply`. */
  action: string;
  /** What kind of item changed: document, code, coding, memo, coder, case, batch, project… */
  entity: string;
  entityGuid: string | null;
  /** The item changed, by name as the log holds it (or as it is now), e.g. `Trust` or `a.txt`. */
  item: string;
  /** The document the change touched, if any (its name now, or as logged). */
  document: string | null;
  /** A short sentence: what happened, e.g. `applied "Trust" [120–180]`. */
  summary: string;
}

export interface AuditView {
  /** Newest first. */
  entries: AuditEntry[];
  /** How many events match the filters (all pages). */
  total: number;
  /** Everyone who has changed this project, for a filter menu, sorted. */
  actors: string[];
  /** Pass the last entry's id as `before` to read the next page; null when this page was the last. */
  nextBefore: number | null;
}

export interface AuditFile {
  /** A file name to save under, e.g. "study audit 2026-12-03.csv". */
  name: string;
  mime: string;
  /** RFC 4180 CSV, UTF-8 with a byte-order mark, as base64. */
  base64: string;
  rows: number;
}
