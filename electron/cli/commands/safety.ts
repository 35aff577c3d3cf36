/** check, backup, backups, restore: integrity and backups of a project file (issue 13). */
import { basename } from 'node:path';
import { CliError, optionalInt, str, type CommandSpec } from '../command.js';
import { plural, table } from '../format.js';

const GROUP = 'Data safety';

/** `check`, `backups` and `restore` must also work on a file too damaged to open as a project. */
async function fileDoor(path: string) {
  const { openFileDoor } = await import('../../api/door.js');
  return openFileDoor(path);
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

export const check: CommandSpec = {
  name: 'check',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'Check the whole project file (SQLite integrity_check and foreign_key_check); exit 1 when damaged',
  details: 'Reads only, so it may run while the project is open in Marginalia. A damaged file is reported, never repaired: restore a backup.',
  calls: ['project.check'],
  async run(ctx, { positionals }) {
    const path = positionals[0]!;
    ctx.projectPath = path;
    const r = await (await fileDoor(path)).call('project.check');
    if (!r.ok) {
      const first =
        r.integrity[0] ?? (r.foreignKeys[0] && `${r.foreignKeys[0].table} row ${r.foreignKeys[0].rowid} points to a missing ${r.foreignKeys[0].parent}`);
      const name = basename(path);
      throw new CliError(
        'corrupt_file',
        `${name}: damaged (${plural(r.integrity.length, 'integrity problem')}, ${plural(r.foreignKeys.length, 'foreign-key problem')}; first: ${first}); ` +
          `nothing was repaired: \`marginalia backups ${name}\` lists its backups, \`marginalia restore ${name} BACKUP\` puts one back`,
        r,
      );
    }
    return { data: r, text: `${r.project}: sound (integrity_check ok, no foreign-key problems; schema ${r.schemaVersion})` };
  },
};

export const backup: CommandSpec = {
  name: 'backup',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'Back the project up now, into the NAME.marginalia-backups folder beside it',
  details: `Backups are also taken before every migration, merge and REFI-QDA import, and once a day when the project is opened.
The newest 10 are kept unless --keep sets another number for this project.`,
  options: {
    keep: { type: 'string', value: 'N', help: 'from now on keep the newest N backups of this project (older ones are deleted)' },
    reason: { type: 'string', value: 'WORD', help: 'a word for the file name (default: manual)' },
  },
  calls: ['project.backup', 'project.backupSettings'],
  async run(ctx, { positionals, values }) {
    const keep = optionalInt(values, 'keep', 'backup', 1);
    const door = await ctx.door(positionals[0]!);
    const reason = str(values, 'reason');
    const made = await door.call('project.backup', reason ? { reason } : {});
    const settings = keep === undefined ? null : await door.call('project.backupSettings', { keep });
    const lines = [`Backed up to ${made.path} (${size(made.bytes)})`];
    if (settings) lines.push(`Keeping the newest ${settings.keep}${settings.removed.length ? `; deleted ${settings.removed.join(', ')}` : ''}`);
    return { data: { backup: made, ...(settings && { settings }) }, text: lines.join('\n') };
  },
};

export const backups: CommandSpec = {
  name: 'backups',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'List the backups of a project, newest first (works on a damaged project too)',
  calls: ['project.backups'],
  async run(ctx, { positionals }) {
    ctx.projectPath = positionals[0]!;
    const r = await (await fileDoor(positionals[0]!)).call('project.backups');
    if (r.backups.length === 0) return { data: r, text: `${r.project}: no backups yet (folder: ${r.folder})` };
    const rows = r.backups.map((b) => [b.name, when(b.at), b.reason, size(b.bytes)]);
    return {
      data: r,
      text: `${table(['backup', 'made', 'reason', 'size'], rows)}\n\n${plural(r.backups.length, 'backup')} in ${r.folder} (keeping the newest ${r.keep})`,
    };
  },
};

export const restore: CommandSpec = {
  name: 'restore',
  group: GROUP,
  args: ['PROJECT', 'BACKUP'],
  summary: 'Put a backup in place of the project (the file as it is now is backed up first)',
  details: `BACKUP is a name that \`marginalia backups\` lists, \`latest\` for the newest, or a path to a backup file. The backup is checked before anything is
replaced. Refused while the project is open in Marginalia: close it there first.`,
  calls: ['project.restore'],
  async run(ctx, { positionals }) {
    ctx.projectPath = positionals[0]!;
    const r = await (await fileDoor(positionals[0]!)).call('project.restore', { backup: positionals[1]! });
    const lines = [`Restored ${r.project} from ${r.restored.name} (made ${when(r.restored.at)})`];
    lines.push(r.preRestore ? `The file as it was is kept as ${r.preRestore}` : 'There was no project file to keep');
    return { data: r, text: lines.join('\n') };
  },
};
