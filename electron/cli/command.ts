/**
 * What a CLI command is: its words, arguments, options and help, and a `run` that calls
 * contract methods through the door and returns data (for --json) plus the lines a person
 * reads. Commands never print or exit themselves, so main() alone decides what reaches stdout,
 * stderr and the exit code.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ApiMethod } from '../../shared/api/contract.js';
import type { ProjectDoor } from '../api/door.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Placeholder shown in help, e.g. NAME. */
  value?: string;
  help: string;
}

export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Input {
  positionals: string[];
  values: Values;
}

export interface Outcome {
  /** What --json prints under "data". */
  data: unknown;
  /** What a person reads on stdout; omitted or '' prints nothing. */
  text?: string;
}

export interface CommandSpec {
  /** The command words, e.g. "doc rename". */
  name: string;
  /** Positional arguments as shown in help: NAME, [NAME] optional, NAME... one or more. */
  args: string[];
  /** The options part of the usage line, when some are required (default: "[options]"). */
  usage?: string;
  summary: string;
  /** Further help paragraphs. */
  details?: string;
  options?: Record<string, OptionSpec>;
  /** Listed under this heading in the top-level help. */
  group: string;
  /**
   * 'report': --json prints the data object itself with "ok": true added, not inside
   * {"ok","data"} — for outputs whose JSON shape is part of the contract (agreement, stats).
   */
  jsonShape?: 'report';
  /** The contract methods `run` calls through the door (tests/unit/one-door.test.ts checks them). */
  calls?: readonly ApiMethod[];
  run(ctx: Context, input: Input): Outcome | Promise<Outcome>;
}

/** Wrong words, flags or values on the command line: exit 2 with a pointer to `command`'s --help. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A refusal the CLI itself makes (e.g. a delete without --yes): exit 1, with data for --json. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Holds the doors a command opened so main() can close them in its finally.
 * The door is imported on first use: loading the database layer costs time that --help and
 * usage errors need not pay.
 */
export class Context {
  /** The project path of the current command, for messages about a corrupt or busy file. */
  projectPath: string | null = null;
  readonly notes: string[] = [];

  /** `actor` undefined: the OS user name. */
  constructor(
    private readonly as: string | undefined,
    readonly json: boolean,
  ) {}

  private doors: ProjectDoor[] = [];

  /** The project through the one door (electron/api/door.ts): every command calls contract methods on it. */
  async door(path: string): Promise<ProjectDoor> {
    this.projectPath = path;
    const { openProjectDoor, defaultActor } = await import('../api/door.js');
    const door = openProjectDoor(path, this.as ?? defaultActor());
    this.doors.push(door);
    if (door.upgraded)
      this.note(`upgraded ${basename(path)} from schema ${door.upgraded.fromVersion}; the old file is kept as ${basename(door.upgraded.backupPath)}`);
    return door;
  }

  /** A new project file, through the same door. */
  async createDoor(path: string, options: { empty?: boolean; name?: string }): Promise<ProjectDoor> {
    this.projectPath = path;
    const { createProjectDoor, defaultActor } = await import('../api/door.js');
    const door = createProjectDoor(path, { ...options, actor: this.as ?? defaultActor() });
    this.doors.push(door);
    return door;
  }

  /** A remark for stderr (never stdout, so --json output stays clean). */
  note(message: string): void {
    this.notes.push(message);
  }

  closeAll(): void {
    for (const d of this.doors.splice(0)) {
      try {
        d.close();
      } catch {
        // Closing after a failure must not hide the failure.
      }
    }
  }
}

// ---- reading option values -------------------------------------------------------------

export function str(values: Values, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}

export function requireStr(values: Values, key: string, command: string): string {
  const v = str(values, key);
  if (v === undefined) throw new UsageError(`missing --${key}`, command);
  return v;
}

export function flag(values: Values, key: string): boolean {
  return values[key] === true;
}

export function list(values: Values, key: string): string[] {
  const v = values[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A whole number given on the command line; anything else is a usage error. */
export function int(raw: string, what: string, command: string, min = 0): number {
  const v = raw.trim();
  if (!/^[+-]?\d+$/.test(v)) throw new UsageError(`${what} must be a whole number (got "${raw}")`, command);
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new UsageError(`${what} is too large (got "${raw}")`, command);
  if (n < min) throw new UsageError(`${what} must be at least ${min} (got ${n})`, command);
  return n;
}

export function optionalInt(values: Values, key: string, command: string, min = 0): number | undefined {
  const v = str(values, key);
  return v === undefined ? undefined : int(v, `--${key}`, command, min);
}

/** TEXT arguments: "-" reads standard input, so long memos need no shell quoting. */
export function textArg(raw: string): string {
  return raw === '-' ? readFileSync(0, 'utf8') : raw;
}
