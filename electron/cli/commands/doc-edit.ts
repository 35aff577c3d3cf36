/** doc edit: correct a transcript's text after coding; every coding is shifted through the edit. */
import { readTextFile } from '../../api/text-files.js';
import type { TextEditReport } from '../../../shared/api/types-transcript-edit.js';
import { CliError, flag, optionalInt, str, UsageError, type CommandSpec } from '../command.js';
import { plural } from '../format.js';
import { documentGuid } from '../resolve.js';

const NAME = 'doc edit';

/** One line, long text shortened in the middle and line breaks shown, for the list of changes. */
function clip(s: string, max = 60): string {
  const flat = s.replace(/\n/g, '⏎');
  const cps = Array.from(flat);
  return cps.length <= max ? flat : `${cps.slice(0, max / 2 - 1).join('')}…${cps.slice(-(max / 2 - 1)).join('')}`;
}

export function formatEditReport(r: TextEditReport): string {
  const c = r.counts;
  const out = [
    `${r.applied ? 'Corrected' : 'Would correct'} ${r.document}: ${plural(r.changes.length, 'place')} (length ${r.oldLength} → ${r.newLength}).`,
    `Codings: ${c.unchanged} unchanged, ${c.moved} moved, ${c.edited} with edited words, ${c.trimmed} trimmed, ${c.orphaned} orphaned.`,
  ];
  for (const ch of r.changes.slice(0, 20)) out.push(`  line ${ch.line}: "${clip(ch.removed)}" → "${clip(ch.inserted)}"`);
  if (r.changes.length > 20) out.push(`  … and ${r.changes.length - 20} more`);
  for (const k of r.codings) {
    const who = `${k.code} (${k.coder})`;
    if (k.fate === 'orphaned') out.push(`  orphaned  ${who}: "${clip(k.before.quote)}" — its words were deleted; kept as an orphan with its quote`);
    else if (k.fate !== 'moved') out.push(`  ${k.fate.padEnd(8)}  ${who}: "${clip(k.before.quote)}" → "${clip(k.after!.quote)}"`);
  }
  for (const s of r.speakers.renamed) out.push(`  speaker "${s.from}" is now "${s.to}" (its case assignment follows)`);
  for (const s of r.speakers.dropped) out.push(`  speaker "${s}" no longer occurs: its case assignment was removed`);
  if (r.applied) out.push('One action: undo restores the text and every coding.');
  return out.join('\n');
}

export const docEdit: CommandSpec = {
  name: 'doc edit',
  group: 'Documents',
  args: ['PROJECT', 'NAME', '[NEW]'],
  usage: '(--replace OLD [--occurrence N] | --from-file FILE) [--dry-run]',
  summary: 'Correct a transcript (typos, names) after coding; codings move with their words',
  details: `--replace OLD NEW (NEW is the argument after OLD) replaces one occurrence of OLD (say which
with --occurrence N when it occurs more than once). --from-file FILE takes a corrected version of the whole text (UTF-8), which
is compared with the stored text line by line, then word by word.
Every coding keeps covering the same words: an edit before it moves it, inside it changes its
words, across its start or end trims it to the words that survive. A coding whose words were all
deleted is kept as an orphan with its quote and listed; nothing is dropped. The correction is one
action in the log and can be undone. --dry-run shows what would change and writes nothing.
Line ends in OLD, NEW and FILE are normalised (CRLF → LF) like imported text.`,
  calls: ['documents.list', 'documents.editPreview', 'documents.editText'],
  options: {
    replace: { type: 'string', value: 'OLD', help: 'the text to replace (NEW follows it as the next argument)' },
    occurrence: { type: 'string', value: 'N', help: 'which occurrence of OLD to replace, from 1' },
    'from-file': { type: 'string', value: 'FILE', help: 'the corrected whole text, diffed against the stored one' },
    'dry-run': { type: 'boolean', help: 'show what would change; change nothing' },
  },
  async run(ctx, { positionals, values }) {
    const [project, name, replacement, ...extra] = positionals as [string, string, string | undefined, ...string[]];
    if (!project || !name) throw new UsageError('expected PROJECT and NAME', NAME);
    const old = str(values, 'replace');
    const file = str(values, 'from-file');
    const occurrence = optionalInt(values, 'occurrence', NAME, 1);
    if ((old === undefined) === (file === undefined)) throw new UsageError('give either --replace OLD NEW or --from-file FILE', NAME);
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, NAME);
    if (old !== undefined && replacement === undefined) throw new UsageError('--replace needs the new text after OLD: --replace OLD NEW', NAME);
    if (file !== undefined && (replacement !== undefined || occurrence !== undefined))
      throw new UsageError('--from-file takes no NEW text and no --occurrence', NAME);
    if (old === '') throw new UsageError('--replace OLD must not be empty', NAME);
    // Read before opening the project, so a bad file leaves the project untouched.
    const text = file !== undefined ? readTextFile(file) : undefined;
    const door = await ctx.door(project);
    const document = await documentGuid(door, name);
    const args = text !== undefined ? { document, text } : { document, find: old!, replace: replacement!, ...(occurrence !== undefined && { occurrence }) };
    const report = flag(values, 'dry-run') ? await door.call('documents.editPreview', args) : await door.call('documents.editText', args);
    if (report.changes.length === 0) throw new CliError('invalid_input', `${name}: nothing to change`);
    return { data: report, text: formatEditReport(report) };
  },
};
