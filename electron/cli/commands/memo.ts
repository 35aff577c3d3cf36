/** memo: read or write the memo on the project, a document, a code or a case. */
import { str, textArg, UsageError, type CommandSpec } from '../command.js';

const KINDS = ['project', 'document', 'code', 'case'] as const;
type Kind = (typeof KINDS)[number];

export const memo: CommandSpec = {
  name: 'memo',
  group: 'Memos',
  args: ['PROJECT', '[TEXT]'],
  usage: '--on project|document|code|case [--name NAME]',
  summary: 'Print a memo, or set it when TEXT is given ("" removes it; "-" reads stdin)',
  details: `--name is the document name, code path or case name (not needed for --on project).
Memos on single codings: marginalia coding-memo.`,
  options: {
    on: { type: 'string', value: 'project|document|code|case', help: 'what the memo is about' },
    name: { type: 'string', value: 'NAME', help: 'which document, code or case' },
  },
  async run(ctx, { positionals, values }) {
    const on = str(values, 'on');
    if (on === undefined) throw new UsageError('missing --on project|document|code|case', 'memo');
    if (!KINDS.includes(on as Kind)) throw new UsageError(`--on must be one of ${KINDS.join(', ')} (got "${on}")`, 'memo');
    const name = str(values, 'name');
    if (on !== 'project' && name === undefined) throw new UsageError(`--on ${on} needs --name`, 'memo');
    const ref = { kind: on as Kind, ...(name !== undefined && { name }) };
    const label = on === 'project' ? 'the project' : `${on} "${name}"`;
    const session = await ctx.open(positionals[0]!);
    const { getMemo, setMemo } = await import('../../services/memos.js');
    const raw = positionals[1];
    if (raw === undefined) {
      const body = getMemo(session, ref);
      return { data: { on, name: name ?? null, memo: body }, text: body ?? `No memo on ${label}` };
    }
    const body = textArg(raw);
    setMemo(session, ref, body);
    return { data: { on, name: name ?? null, memo: body.trim() ? body.replace(/\r\n?/g, '\n') : null }, text: body.trim() ? `Memo set on ${label}` : `Memo removed from ${label}` };
  },
};
