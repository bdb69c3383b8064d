// The command line: which command, with which options, checked so that
// every mistake is reported as a one-line UsageError naming the flag. The
// table commands and the flags each takes come from cli/_commands.ts.
import { parseArgs } from "node:util";
import { COLOR_MODES } from "./_color.ts";
import type { Format, TableArgs, TableCommand } from "./_command.ts";
import { TABLE_COMMANDS } from "./_commands.ts";
import { UsageError } from "./_errors.ts";
import { oneOf, type Option, OPTIONS, type OptionValues, refuse } from "./_parse.ts";

/** The commands: the table commands, then `capture`. */
export const COMMANDS: readonly string[] = [...TABLE_COMMANDS.map((c) => c.name), "capture"];

/** The fewest seconds `--watch` waits between refreshes. */
export const WATCH_MIN_SECONDS = 0.1;
/** The most seconds `--watch` waits between refreshes: a day. */
export const WATCH_MAX_SECONDS = 86400;

/** A table command's parsed command line: the shared options and its own. */
export type TableInvocation = TableArgs & {
  /** A table command (its name is `tableCommand.name`). */
  command: "table";
  /** The command. */
  tableCommand: TableCommand;
  /** Its own options, as its `parse` returned them. */
  args: object;
};

/** `capture`. */
export interface CaptureArgs {
  /** The command. */
  command: "capture";
  /** `--output`; absent: standard output. */
  output?: string;
  /** False with `--no-modules`. */
  modules: boolean;
}

/** `--help` or `help [command]`, for the tool or for a command. */
export interface HelpArgs {
  /** The pseudo-command. */
  command: "help";
  /** The command whose help is wanted; absent: the tool's. */
  topic?: string;
}

/** `--version`. */
export interface VersionArgs {
  /** The pseudo-command. */
  command: "version";
}

/** A parsed command line. */
export type Invocation = TableInvocation | CaptureArgs | HelpArgs | VersionArgs;

/** The options of every table command, parsed in one place ({@linkcode tableArgs}). */
const TABLE_OPTIONS: readonly Option[] = [
  "help",
  "version",
  "capture",
  "json",
  "csv",
  "watch",
  "color",
];

/** The options each command accepts; `help` is the `help <command>` pseudo-command. */
const ACCEPTS: ReadonlyMap<string, ReadonlySet<Option>> = new Map([
  ...TABLE_COMMANDS.map((c) => [c.name, new Set([...TABLE_OPTIONS, ...c.options])] as const),
  ["capture", new Set<Option>(["help", "version", "output", "no-modules"])],
  ["help", new Set<Option>(["help"])],
]);

/** The value a flag with an optional value takes when given none. */
const OPTIONAL_VALUES: ReadonlyMap<string, string> = new Map([
  ["--watch", "1"],
  ["--sort", "local"],
  ["--color", "always"],
]);

const isCommand = (text: string) => COMMANDS.includes(text);

/** A command, or `help`: what an optional value never swallows. */
const isName = (text: string) => isCommand(text) || text === "help";

/**
 * `--watch [seconds]` and `--sort [key]` as `--watch=seconds`: the next
 * argument is their value unless it is a flag or a command.
 */
function joinOptionalValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      out.push(...args.slice(i));
      break;
    }
    const fallback = OPTIONAL_VALUES.get(arg);
    if (fallback === undefined) {
      out.push(arg);
      continue;
    }
    const next = args[i + 1];
    const given = next !== undefined && !next.startsWith("-") && !isName(next);
    out.push(`${arg}=${given ? next : fallback}`);
    if (given) i++;
  }
  return out;
}

/**
 * `--watch` seconds: from {@linkcode WATCH_MIN_SECONDS}, so the table is not
 * redrawn in a busy loop, to {@linkcode WATCH_MAX_SECONDS}, far below what
 * setTimeout overflows at (2^31 - 1 ms, when it would fire at once).
 */
function seconds(text: string): number {
  const value = Number(text);
  if (
    !/^(\d+\.?\d*|\.\d+)$/.test(text) || !(value >= WATCH_MIN_SECONDS) ||
    !(value <= WATCH_MAX_SECONDS)
  ) {
    throw new UsageError(
      `--watch: expected ${WATCH_MIN_SECONDS} to ${WATCH_MAX_SECONDS} seconds, found "${text}"`,
    );
  }
  return value;
}

/** Checks each flag given: known, taken by `name`, with a value exactly when it needs one. */
function checkOptions(
  name: string,
  tokens: NonNullable<ReturnType<typeof parseArgs>["tokens"]>,
): void {
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const option = token.name as Option;
    if (!Object.hasOwn(OPTIONS, option)) throw new UsageError(`unknown option ${token.rawName}`);
    if (!ACCEPTS.get(name)!.has(option)) {
      throw new UsageError(`${token.rawName} is not an option of "${name}"`);
    }
    if (OPTIONS[option].type === "string") {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith("-"))) {
        throw new UsageError(`${token.rawName} needs a value`);
      }
    } else if (token.value !== undefined) {
      throw new UsageError(`${token.rawName} takes no value`);
    }
  }
}

/** `help [command]`. */
function helpCommand(topics: readonly string[]): HelpArgs {
  const [topic, extra] = topics;
  if (extra !== undefined) throw new UsageError(`help: unexpected argument "${extra}"`);
  if (topic === undefined || topic === "help") return { command: "help" };
  if (!isCommand(topic)) {
    throw new UsageError(`help: unknown command "${topic}"; expected ${COMMANDS.join(", ")}`);
  }
  return { command: "help", topic };
}

/** The options every table command shares: the format, `--capture`, `--watch`, `--color`. */
function tableArgs({ text, flag }: OptionValues): TableArgs {
  if (flag("json") && flag("csv")) refuse(["--json", "--csv"]);
  const format: Format = flag("json") ? "json" : flag("csv") ? "csv" : "table";
  const watchText = text("watch");
  if (watchText !== undefined && format !== "table") refuse([`--${format}`, "--watch"]);
  const capture = text("capture");
  return {
    format,
    ...(capture !== undefined && { capture }),
    ...(watchText !== undefined && { watch: seconds(watchText) }),
    color: oneOf(text("color") ?? "auto", "--color", COLOR_MODES),
  };
}

/**
 * Parses the arguments after the script name.
 *
 * @throws {UsageError} For an unknown command, flag or value, a flag the
 * command does not take, or flags that exclude each other.
 */
export function parseCommandLine(args: readonly string[]): Invocation {
  const { values, positionals, tokens } = parseArgs({
    args: joinOptionalValues(args),
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const [name, extra, ...more] = positionals;
  if (name === "help") {
    checkOptions(name, tokens);
    return helpCommand([...(extra === undefined ? [] : [extra]), ...more]);
  }
  if (name !== undefined && !isCommand(name)) {
    throw new UsageError(`unknown command "${name}"; expected ${COMMANDS.join(", ")}, help`);
  }
  if (values.help) {
    return name === undefined ? { command: "help" } : { command: "help", topic: name };
  }
  if (values.version) return { command: "version" };
  if (name === undefined) throw new UsageError(`missing command: ${COMMANDS.join(", ")}`);
  if (extra !== undefined) throw new UsageError(`${name}: unexpected argument "${extra}"`);
  checkOptions(name, tokens);

  const given: OptionValues = {
    text: (option) => values[option] as string | undefined,
    flag: (option) => values[option] === true,
    list: (option) => values[option] as string[] | undefined,
  };
  if (name === "capture") {
    const output = given.text("output");
    return {
      command: name,
      ...(output !== undefined && { output }),
      modules: !given.flag("no-modules"),
    };
  }
  const tableCommand = TABLE_COMMANDS.find((c) => c.name === name)!;
  const common = tableArgs(given);
  return { command: "table", tableCommand, ...common, args: tableCommand.parse(given) };
}
