/**
 * The `marginalia` command line: finds the command, parses its flags strictly, runs it against
 * the services, and turns the outcome into stdout, stderr and an exit status
 * (0 done, 1 refused or failed, 2 wrong usage). No business logic lives here.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MarginaliaError } from '../../shared/errors.js';
import { CliError, Context, UsageError, type CommandSpec, type OptionSpec, type Values } from './command.js';
import { commandList, findCommand, GROUP_WORDS } from './commands/index.js';
import { writeStderr, writeStdout } from './stdio.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = { out: writeStdout, err: writeStderr };

export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', help: 'print machine-readable JSON on stdout (and nothing else there)' },
  as: { type: 'string', value: 'NAME', help: "who to record in the project's event log (default: your OS user name)" },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
};

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Flags given before the command words (`marginalia --json info x`) are moved after them. */
function splitLeadingFlags(argv: string[]): { lead: string[]; rest: string[] } {
  const lead: string[] = [];
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '--') {
    lead.push(argv[i]!);
    if (argv[i] === '--as' && i + 1 < argv.length) lead.push(argv[++i]!);
    i += 1;
  }
  return { lead, rest: argv.slice(i) };
}

function parseConfig(cmd: CommandSpec): ParseArgsConfig['options'] {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, o] of Object.entries({ ...cmd.options, ...COMMON_OPTIONS })) {
    options[name] = { type: o.type, ...(o.short && { short: o.short }), ...(o.multiple && { multiple: true }) };
  }
  return options;
}

/** node:util parseArgs messages are long and mention JavaScript; keep the first useful clause. */
function usageMessage(err: Error & { code?: string }): string {
  const unknown = /Unknown option '([^']+)'/.exec(err.message);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(err.message);
  if (missing) return `${missing[1]} needs a value`;
  const ambiguous = /Option '([^']+?)(?: <value>)?' argument is ambiguous/.exec(err.message);
  if (ambiguous) return `${ambiguous[1]} needs a value (to give one starting with "-", write ${ambiguous[1]}=VALUE)`;
  const positional = /Unexpected argument '([^']+)'/.exec(err.message);
  if (positional) return `unexpected argument '${positional[1]}'`;
  return err.message.split(/\.\s|\n/)[0] ?? err.message;
}

function arity(cmd: CommandSpec): { min: number; max: number } {
  const min = cmd.args.filter((a) => !a.startsWith('[')).length;
  const max = cmd.args.some((a) => a.endsWith('...')) ? Infinity : cmd.args.length;
  return { min, max };
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const json = argv.includes('--json');
  let commandName: string | undefined;
  let ctx: Context | undefined;
  const fail = (exit: number, code: string, message: string, data?: unknown): number => {
    const line = oneLine(message);
    const hint = exit === 2 ? ` (see: marginalia ${commandName ? `${commandName} ` : ''}--help)` : '';
    io.err(`marginalia: ${line}${hint}\n`);
    if (json) io.out(`${JSON.stringify({ ok: false, error: { code, message: line }, ...(data !== undefined && { data }) }, null, 2)}\n`);
    return exit;
  };
  try {
    const { lead, rest } = splitLeadingFlags(argv);
    const wantsHelp = lead.includes('--help') || lead.includes('-h');
    if (lead.includes('--version') || lead.includes('-V')) {
      io.out(json ? `${JSON.stringify({ ok: true, data: { version: version() } }, null, 2)}\n` : `marginalia ${version()}\n`);
      return 0;
    }
    if (rest[0] === 'help') {
      const { commandHelp, topHelp } = await import('./help.js');
      const target = findCommand(rest.slice(1));
      io.out(`${target && rest.length > 1 ? commandHelp(target.command, COMMON_OPTIONS) : topHelp(commandList, COMMON_OPTIONS)}\n`);
      return 0;
    }
    if (rest.length === 0) {
      const { topHelp } = await import('./help.js');
      if (wantsHelp) {
        io.out(`${topHelp(commandList, COMMON_OPTIONS)}\n`);
        return 0;
      }
      io.err(`${topHelp(commandList, COMMON_OPTIONS)}\n`);
      return 2;
    }
    const found = findCommand(rest);
    if (!found) {
      const word = rest[0]!;
      const subs = GROUP_WORDS.get(word);
      if (subs) {
        commandName = word;
        throw new UsageError(
          rest[1] === undefined || rest[1].startsWith('-')
            ? `${word} needs one of: ${subs.join(', ')}`
            : `unknown command '${word} ${rest[1]}' (try: ${subs.map((s) => `${word} ${s}`).join(', ')})`,
        );
      }
      throw new UsageError(`unknown command '${word}'`);
    }
    const cmd = found.command;
    commandName = cmd.name;
    let parsed: { values: Values; positionals: string[] };
    try {
      parsed = parseArgs({ args: [...lead, ...found.args], options: parseConfig(cmd), allowPositionals: true, strict: true }) as typeof parsed;
    } catch (err) {
      if (err instanceof Error && /^ERR_PARSE_ARGS/.test((err as { code?: string }).code ?? '')) throw new UsageError(usageMessage(err));
      throw err;
    }
    if (parsed.values.help === true) {
      const { commandHelp } = await import('./help.js');
      io.out(`${commandHelp(cmd, COMMON_OPTIONS)}\n`);
      return 0;
    }
    const { min, max } = arity(cmd);
    const n = parsed.positionals.length;
    if (n < min)
      throw new UsageError(
        `missing ${cmd.args
          .slice(n)
          .filter((a) => !a.startsWith('['))
          .join(' ')}`,
      );
    if (n > max) throw new UsageError(`too many arguments (unexpected '${parsed.positionals[max]}')`);
    const as = parsed.values.as;
    if (typeof as === 'string' && !as.trim()) throw new UsageError('--as needs a name');
    ctx = new Context(typeof as === 'string' ? as.trim() : undefined, json);
    const outcome = await cmd.run(ctx, parsed);
    for (const note of ctx.notes) io.err(`marginalia: ${note}\n`);
    if (json) {
      const report = cmd.jsonShape === 'report' && outcome.data !== null && typeof outcome.data === 'object' && !Array.isArray(outcome.data);
      io.out(`${JSON.stringify(report ? { ok: true, ...(outcome.data as object) } : { ok: true, data: outcome.data ?? null }, null, 2)}\n`);
    } else if (outcome.text) io.out(outcome.text.endsWith('\n') ? outcome.text : `${outcome.text}\n`);
    return 0;
  } catch (err) {
    for (const note of ctx?.notes.splice(0) ?? []) io.err(`marginalia: ${note}\n`);
    if (process.env.MARGINALIA_DEBUG === '1' && err instanceof Error) io.err(`${err.stack}\n`);
    if (err instanceof UsageError) {
      commandName = err.command ?? commandName;
      return fail(2, 'usage', err.message);
    }
    if (err instanceof CliError) return fail(1, err.code, err.message, err.data);
    if (err instanceof MarginaliaError) return fail(1, err.code, err.message);
    // SQLite's own errors were turned into MarginaliaErrors at the door (opening) or in dispatch.
    if (err instanceof Error) return fail(1, 'internal', err.message.split('\n')[0] || err.name);
    return fail(1, 'internal', String(err));
  } finally {
    ctx?.closeAll();
  }
}
