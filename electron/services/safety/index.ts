/** Data safety for other services: a backup before a change undo cannot reverse (REFI import, merges). */
export { backupBefore } from './backups.js';
