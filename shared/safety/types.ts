/** What the data-safety calls answer: integrity reports, backups, restores. */

export interface BackupView {
  /** The file name in the backups folder (what restore takes). */
  name: string;
  path: string;
  /** When it was made (ISO, UTC). */
  at: string;
  /** Why: daily, manual, before-merge, before-migration-schema3, before-restore, before-refi-import… */
  reason: string;
  bytes: number;
}

export interface BackupsView {
  project: string;
  /** The folder beside the project that holds them. */
  folder: string;
  /** How many the project keeps (the oldest beyond are deleted). */
  keep: number;
  /** Newest first. */
  backups: BackupView[];
}

export interface IntegrityView {
  project: string;
  ok: boolean;
  /** PRAGMA integrity_check's findings (empty when sound). */
  integrity: string[];
  /** PRAGMA foreign_key_check's findings. */
  foreignKeys: { table: string; rowid: number | null; parent: string }[];
  schemaVersion: number;
}

export interface RestoreView {
  project: string;
  restored: BackupView;
  /** The copy of the file as it was just before the restore (in the backups folder). */
  preRestore: string;
  /** The schema of the restored file before it was opened (older ones are migrated after a backup). */
  schemaVersion: number;
}

export interface BackupSettingsView {
  keep: number;
  /** Backups deleted because they were beyond the new limit. */
  removed: string[];
}
