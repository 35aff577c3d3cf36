/** memo: read or write the memo on the project, a document, a code or a case. */
import type { ProjectDoor } from '../../api/door.js';
import { str, textArg, UsageError, type CommandSpec } from '../command.js';
import { caseGuid, codeGuid, documentGuid } from '../resolve.js';

const KINDS = ['project', 'document', 'code', 'case'] as const;
type Kind = (typeof KINDS)[number];

/** The GUID the memo hangs on (none for the project's own memo). */
function targetOf(door: ProjectDoor, kind: Kind, name: string | undefined): Promise<string> | undefined {
  if (kind === 'project' || name === undefined) return undefined;
  return kind === 'document' ? documentGuid(door, name) : kind === 'code' ? codeGuid(door, name) : caseGuid(door, name);
}

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
  calls: ['documents.list', 'codebook.list', 'cases.list', 'memos.get', 'memos.set'],
  async run(ctx, { positionals, values }) {
    const on = str(values, 'on');
    if (on === undefined) throw new UsageError('missing --on project|document|code|case', 'memo');
    if (!KINDS.includes(on as Kind)) throw new UsageError(`--on must be one of ${KINDS.join(', ')} (got "${on}")`, 'memo');
    const name = str(values, 'name');
    if (on !== 'project' && name === undefined) throw new UsageError(`--on ${on} needs --name`, 'memo');
    const label = on === 'project' ? 'the project' : `${on} "${name}"`;
    const door = await ctx.door(positionals[0]!);
    const target = await targetOf(door, on as Kind, name);
    const ref = { kind: on as Kind, ...(target !== undefined && { target }) };
    const raw = positionals[1];
    if (raw === undefined) {
      const body = await door.call('memos.get', ref);
      return { data: { on, name: name ?? null, memo: body }, text: body ?? `No memo on ${label}` };
    }
    const body = textArg(raw);
    await door.call('memos.set', { ...ref, body });
    return {
      data: { on, name: name ?? null, memo: body.trim() ? body.replace(/\r\n?/g, '\n') : null },
      text: body.trim() ? `Memo set on ${label}` : `Memo removed from ${label}`,
    };
  },
};
