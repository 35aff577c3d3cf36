/** Help text, generated from the command specs so it cannot drift from what is parsed. */
import { PROJECT_EXTENSION } from '../../shared/project-file.js';
import type { CommandSpec, OptionSpec } from './command.js';

export const OFFSET_CONVENTION = 'Offsets are UTF-16 code units into the stored document text (BOM stripped, CRLF→LF), half-open [start,end).';

function optionLines(options: Record<string, OptionSpec>): string[] {
  const heads = Object.entries(options).map(([name, o]) => {
    const short = o.short ? `-${o.short}, ` : '    ';
    return { head: `${short}--${name}${o.value ? ` ${o.value}` : ''}`, help: `${o.help}${o.multiple ? ' (repeatable)' : ''}` };
  });
  const w = Math.max(...heads.map((h) => h.head.length));
  return heads.map((h) => `  ${h.head.padEnd(w)}  ${h.help}`);
}

/** Specs write {ext} so that listing commands does not load the database layer. */
const fill = (s: string): string => s.replaceAll('{ext}', PROJECT_EXTENSION);

function synopsis(cmd: CommandSpec): string {
  const options = cmd.usage ?? (cmd.options ? '[options]' : '');
  return `marginalia ${cmd.name}${cmd.args.length ? ` ${cmd.args.join(' ')}` : ''}${options ? ` ${options}` : ''}`;
}

export function topHelp(commands: CommandSpec[], common: Record<string, OptionSpec>): string {
  const out = [
    'marginalia — code qualitative interview transcripts from the command line',
    '',
    'Usage: marginalia COMMAND PROJECT [ARGUMENTS] [OPTIONS]',
    `PROJECT is a project file; by convention it ends in ${PROJECT_EXTENSION} (create one with: marginalia init study${PROJECT_EXTENSION}).`,
  ];
  const groups = new Map<string, CommandSpec[]>();
  for (const c of commands) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const w = Math.max(...commands.map((c) => `${c.name} ${c.args.join(' ')}`.length));
  for (const [group, list] of groups) {
    out.push('', `${group}:`);
    for (const c of list) out.push(`  ${`${c.name} ${c.args.join(' ')}`.padEnd(w)}  ${fill(c.summary)}`);
  }
  out.push(
    '',
    'Options every command accepts:',
    ...optionLines(common),
    '',
    OFFSET_CONVENTION,
    'Exit status: 0 done; 1 refused or failed (one line on stderr: "marginalia: …"); 2 wrong usage.',
    'With --json, a failure also prints {"ok":false,"error":{"code":…,"message":…}} on stdout; success prints {"ok":true,"data":…}.',
    "Run 'marginalia COMMAND --help' for a command's options.",
  );
  return out.join('\n');
}

export function commandHelp(cmd: CommandSpec, common: Record<string, OptionSpec>): string {
  const out = [`Usage: ${synopsis(cmd)}`, '', `${fill(cmd.summary)}.`];
  if (cmd.details) out.push('', fill(cmd.details));
  if (cmd.options && Object.keys(cmd.options).length) out.push('', 'Options:', ...optionLines(cmd.options));
  out.push('', 'Common options:', ...optionLines(common));
  return out.join('\n');
}
