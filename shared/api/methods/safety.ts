/** Data safety: integrity check, backups and restore, the project lock (issue 13). Spread into the contract (shared/api/contract.ts). */
import { z } from 'zod';
import type { BackupSettingsView, BackupsView, BackupView, IntegrityView, RestoreView } from '../../safety/types.js';
import { need, none, result, once } from '../schema-parts.js';

/** A backup's file name as `project.backups` lists it (or a path to a backup file, from the CLI). */
const backupName = once(() => z.string(need('a backup name')).trim().min(1, 'must not be empty').max(4096, 'is too long'));

export const safetyMethods = {
  /** PRAGMA integrity_check and foreign_key_check over the whole file. */
  'project.check': { args: () => none(), result: result<IntegrityView>() },
  /** A backup now, into the backups folder beside the project (does not change the project). */
  'project.backup': {
    args: () => z.strictObject({ reason: z.string(need('text')).trim().min(1, 'must not be empty').max(40, 'is too long').optional() }),
    result: result<BackupView>(),
  },
  'project.backups': { args: () => none(), result: result<BackupsView>() },
  /** Puts a backup in place of the project; the file as it was is backed up first. */
  'project.restore': { writes: true, args: () => z.strictObject({ backup: backupName() }), result: result<RestoreView>() },
  /** How many backups to keep (the oldest beyond are deleted now and after each new one). */
  'project.backupSettings': {
    writes: true,
    args: () =>
      z.strictObject({ keep: z.number(need('a number')).int('must be a whole number').min(1, 'must be 1 or more').max(1000, 'must be 1000 or less') }),
    result: result<BackupSettingsView>(),
  },
} as const;
