/** merge, blind, reveal: bringing a second coder's work in, and keeping coders blind to each other. */
import { requireStr, UsageError, type CommandSpec } from '../command.js';
import { plural } from '../format.js';
import { findCoder } from '../resolve.js';

const GROUP = 'Coders and merging';

export const merge: CommandSpec = {
  name: 'merge',
  group: GROUP,
  args: ['PROJECT', 'OTHER_PROJECT'],
  summary: "Merge a second coder's project file into this one (backup first; never overwrites; twice adds nothing)",
  details: `Documents match by content, codes by GUID then path; coders are kept apart (a different coder with the
same name is added under a new name and reported). OTHER_PROJECT is read from a temporary copy, never changed.`,
  calls: ['project.mergeCoderProject'],
  async run(ctx, { positionals }) {
    const r = await (await ctx.door(positionals[0]!)).call('project.mergeCoderProject', { file: positionals[1]! });
    const text = [
      `Merged ${r.from} (backup of this project: ${r.backup})`,
      `  documents: ${r.documents.matched} matched, ${r.documents.added.length} added${r.documents.added.length ? ` (${r.documents.added.join(', ')})` : ''}`,
      `  codes: ${r.codes.matched} matched, ${r.codes.added.length} added${r.codes.added.length ? ` (${r.codes.added.join(', ')})` : ''}`,
      `  coders: ${r.coders.matched} matched, ${r.coders.added.length} added${r.coders.added.length ? ` (${r.coders.added.join(', ')})` : ''}`,
      `  codings: ${r.codings.added} added, ${r.codings.skipped} already here`,
      `  cases: ${r.cases.added.length} added, ${r.cases.valuesSet} attribute values set; memos: ${r.memos.added} added`,
      ...(r.conflicts.length
        ? [`  ${plural(r.conflicts.length, 'conflict')} (this project's version kept):`, ...r.conflicts.map((c) => `    ${c.kind} ${c.item}: ${c.reason}`)]
        : ['  no conflicts']),
    ];
    return { data: r, text: text.join('\n') };
  },
};

export const blind: CommandSpec = {
  name: 'blind',
  group: GROUP,
  args: ['PROJECT', 'on|off'],
  summary: "Blind coding: each coder sees only their own codings until they reveal the others'",
  calls: ['coders.setBlind', 'project.info'],
  async run(ctx, { positionals }) {
    const want = positionals[1]!.toLowerCase();
    if (want !== 'on' && want !== 'off') throw new UsageError('say on or off', 'blind');
    const door = await ctx.door(positionals[0]!);
    await door.call('coders.setBlind', { on: want === 'on' });
    const { blind: on, revealed } = await door.call('project.info');
    const names = revealed.map((c) => c.name);
    return { data: { blind: on, revealed: names }, text: `Blind coding is ${on ? 'on' : 'off'}${names.length ? ` (revealed to: ${names.join(', ')})` : ''}` };
  },
};

export const reveal: CommandSpec = {
  name: 'reveal',
  group: GROUP,
  args: ['PROJECT'],
  usage: '--coder NAME',
  summary: "Let a coder see the other coders' codings under blind coding (recorded; cannot be undone)",
  calls: ['coders.reveal', 'coders.list'],
  options: { coder: { type: 'string', value: 'NAME', help: 'the coder who now sees everyone' } },
  async run(ctx, { positionals, values }) {
    const name = requireStr(values, 'coder', 'reveal');
    const door = await ctx.door(positionals[0]!);
    const found = await findCoder(door, name);
    await door.call('coders.reveal', { coder: found.guid });
    const coder = found.name;
    return { data: { revealed: coder }, text: `${coder} now sees every coder's codings` };
  },
};
