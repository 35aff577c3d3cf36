/** merge, blind, reveal: bringing a second coder's work in, and keeping coders blind to each other. */
import { requireStr, UsageError, type CommandSpec } from '../command.js';
import { plural } from '../format.js';

const GROUP = 'Coders and merging';

export const merge: CommandSpec = {
  name: 'merge',
  group: GROUP,
  args: ['PROJECT', 'OTHER_PROJECT'],
  summary: "Merge a second coder's project file into this one (backup first; never overwrites; twice adds nothing)",
  details: `Documents match by content, codes by GUID then path; coders are kept apart (a different coder with the
same name is added under a new name and reported). OTHER_PROJECT is read from a temporary copy, never changed.`,
  async run(ctx, { positionals }) {
    const { mergeProject } = await import('../../services/merge.js');
    const r = mergeProject(await ctx.open(positionals[0]!), positionals[1]!);
    const text = [
      `Merged ${r.from} (backup of this project: ${r.backup})`,
      `  documents: ${r.documents.matched} matched, ${r.documents.added.length} added${r.documents.added.length ? ` (${r.documents.added.join(', ')})` : ''}`,
      `  codes: ${r.codes.matched} matched, ${r.codes.added.length} added${r.codes.added.length ? ` (${r.codes.added.join(', ')})` : ''}`,
      `  coders: ${r.coders.matched} matched, ${r.coders.added.length} added${r.coders.added.length ? ` (${r.coders.added.join(', ')})` : ''}`,
      `  codings: ${r.codings.added} added, ${r.codings.skipped} already here`,
      `  cases: ${r.cases.added.length} added, ${r.cases.valuesSet} attribute values set; memos: ${r.memos.added} added`,
      ...(r.conflicts.length ? [`  ${plural(r.conflicts.length, 'conflict')} (this project's version kept):`, ...r.conflicts.map((c) => `    ${c.kind} ${c.item}: ${c.reason}`)] : ['  no conflicts']),
    ];
    return { data: r, text: text.join('\n') };
  },
};

export const blind: CommandSpec = {
  name: 'blind',
  group: GROUP,
  args: ['PROJECT', 'on|off'],
  summary: "Blind coding: each coder sees only their own codings until they reveal the others'",
  async run(ctx, { positionals }) {
    const want = positionals[1]!.toLowerCase();
    if (want !== 'on' && want !== 'off') throw new UsageError('say on or off', 'blind');
    const { setBlind, blindStatus } = await import('../../services/blind.js');
    const session = await ctx.open(positionals[0]!);
    setBlind(session, want === 'on');
    const s = blindStatus(session);
    return { data: s, text: `Blind coding is ${s.blind ? 'on' : 'off'}${s.revealed.length ? ` (revealed to: ${s.revealed.join(', ')})` : ''}` };
  },
};

export const reveal: CommandSpec = {
  name: 'reveal',
  group: GROUP,
  args: ['PROJECT'],
  usage: '--coder NAME',
  summary: "Let a coder see the other coders' codings under blind coding (recorded; cannot be undone)",
  options: { coder: { type: 'string', value: 'NAME', help: 'the coder who now sees everyone' } },
  async run(ctx, { positionals, values }) {
    const { reveal: revealTo } = await import('../../services/blind.js');
    const coder = requireStr(values, 'coder', 'reveal');
    revealTo(await ctx.open(positionals[0]!), coder);
    return { data: { revealed: coder }, text: `${coder} now sees every coder's codings` };
  },
};
