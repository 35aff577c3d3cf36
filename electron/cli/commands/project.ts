/** init, info: creating a project file and saying what is in it. */
import { basename } from 'node:path';
import { flag, str, type CommandSpec } from '../command.js';
import { fields, plural } from '../format.js';

const GROUP = 'Projects';

export const init: CommandSpec = {
  name: 'init',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'Create a new project file (name it with the {ext} extension)',
  details: `PROJECT is the path of the new file, e.g. study{ext}; any path is accepted but
{ext} is what the app looks for. The project starts with the default dynamic-security
code book unless --empty is given. An existing file is never overwritten.`,
  options: {
    empty: { type: 'boolean', help: 'start with no codes instead of the default code book' },
    name: { type: 'string', value: 'NAME', help: 'the project name shown in the app (default: the file name)' },
  },
  // Creating the file is the door's own work (createProjectDoor), not a call on a project.
  calls: ['project.info'],
  async run(ctx, { positionals, values }) {
    const path = positionals[0]!;
    const door = await ctx.createDoor(path, { empty: flag(values, 'empty'), ...(str(values, 'name') !== undefined && { name: str(values, 'name') }) });
    const info = await door.call('project.info');
    return {
      data: info,
      text: `Created ${basename(path)} (project "${info.name}", ${plural(info.codes, 'code')})`,
    };
  },
};

export const info: CommandSpec = {
  name: 'info',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'Show what a project holds: documents, codes, coders, codings',
  calls: ['project.info'],
  async run(ctx, { positionals }) {
    const i = await (await ctx.door(positionals[0]!)).call('project.info');
    return {
      data: i,
      text: fields([
        ['Project', i.name],
        ['File', i.path],
        ['GUID', i.guid],
        ['Created', i.createdAt],
        ['Schema', i.schemaVersion],
        ['Documents', i.documents],
        ['Codes', i.codes],
        ['Coders', i.coders.length ? `${i.coders.length} (${i.coders.join(', ')})` : 0],
        ['Codings', i.codings],
      ]),
    };
  },
};
