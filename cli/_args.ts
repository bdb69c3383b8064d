// The command line: which command, with which options, checked so that
// every mistake is reported as a one-line UsageError naming the flag.
import { parseArgs } from "node:util";
import type { Family } from "../mod.ts";
import { UsageError } from "./_errors.ts";
import { parseStates, type TcpFilter } from "./_filter.ts";
import { SORT_KEYS, type SortKey } from "./_sort.ts";

/** The commands. */
export const COMMANDS = ["tcp", "interfaces", "anycast", "capture"] as const;

/** A command of {@linkcode COMMANDS}. */
export type Command = typeof COMMANDS[number];

/** How a table command prints its rows. */
export type Format = "table" | "json" | "csv";

/** The options every table command takes. */
export interface TableArgs {
  /** Replay this capture file instead of the live DLL or the embedded sample. */
  capture?: string;
  /** The output format. */
  format: Format;
  /** Refresh every this many seconds (`--watch`); absent: print once. */
  watch?: number;
}

/** `tcp`. */
export interface TcpArgs extends TableArgs {
  /** The command. */
  command: "tcp";
  /** `GetTcpTable2` (default), `GetTcpTable` (`--basic`) or the owner-module table (`--owner`). */
  table: "tcp2" | "basic" | "owner";
  /** `--state`, `--port`, `--pid`. */
  filter: TcpFilter;
  /** `--sort`: ask Windows for sorted rows and sort by this key. */
  sort?: SortKey;
}

/** `interfaces` and `anycast`. */
export interface FamilyArgs extends TableArgs {
  /** The command. */
  command: "interfaces" | "anycast";
  /** `--family`. */
  family: Family;
}

/** `capture`. */
export interface CaptureArgs {
  /** The command. */
  command: "capture";
  /** `--output`; absent: standard output. */
  output?: string;
  /** False with `--no-modules`. */
  modules: boolean;
}

/** `--help`, for the tool or for a command. */
export interface HelpArgs {
  /** The pseudo-command. */
  command: "help";
  /** The command whose help is wanted; absent: the tool's. */
  topic?: Command;
}

/** A parsed command line. */
export type Invocation = TcpArgs | FamilyArgs | CaptureArgs | HelpArgs;

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  capture: { type: "string" },
  json: { type: "boolean" },
  csv: { type: "boolean" },
  watch: { type: "string" },
  basic: { type: "boolean" },
  owner: { type: "boolean" },
  state: { type: "string", multiple: true },
  port: { type: "string" },
  pid: { type: "string" },
  sort: { type: "string" },
  family: { type: "string" },
  output: { type: "string" },
  "no-modules": { type: "boolean" },
} as const;

type Option = keyof typeof OPTIONS;

const TABLE_OPTIONS: readonly Option[] = ["help", "capture", "json", "csv", "watch"];

/** The options each command accepts. */
const ACCEPTS: Readonly<Record<Command, ReadonlySet<Option>>> = {
  tcp: new Set([...TABLE_OPTIONS, "basic", "owner", "state", "port", "pid", "sort"]),
  interfaces: new Set([...TABLE_OPTIONS, "family"]),
  anycast: new Set([...TABLE_OPTIONS, "family"]),
  capture: new Set(["help", "output", "no-modules"]),
};

/** The value a flag with an optional value takes when given none. */
const OPTIONAL_VALUES: ReadonlyMap<string, string> = new Map([
  ["--watch", "1"],
  ["--sort", "local"],
]);

const FAMILIES: readonly Family[] = ["ipv4", "ipv6", "all"];

const isCommand = (text: string): text is Command => (COMMANDS as readonly string[]).includes(text);

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
    const given = next !== undefined && !next.startsWith("-") && !isCommand(next);
    out.push(`${arg}=${given ? next : fallback}`);
    if (given) i++;
  }
  return out;
}

function integer(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${flag}: expected an integer from ${min} to ${max}, found "${text}"`);
  }
  return value;
}

function seconds(text: string): number {
  const value = Number(text);
  if (!/^(\d+\.?\d*|\.\d+)$/.test(text) || !(value > 0)) {
    throw new UsageError(`--watch: expected a positive number of seconds, found "${text}"`);
  }
  return value;
}

function oneOf<T extends string>(text: string, flag: string, choices: readonly T[]): T {
  const value = text.toLowerCase();
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${flag}: expected ${choices.join(", ")}, found "${text}"`);
  }
  return value as T;
}

function refuse(flags: string[], why = ""): never {
  throw new UsageError(`${flags.join(" and ")} cannot be used together${why && `: ${why}`}`);
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
  const [name, extra] = positionals;
  if (name !== undefined && !isCommand(name)) {
    throw new UsageError(`unknown command "${name}"; expected ${COMMANDS.join(", ")}`);
  }
  if (values.help) {
    return name === undefined ? { command: "help" } : { command: "help", topic: name };
  }
  if (name === undefined) throw new UsageError(`missing command: ${COMMANDS.join(", ")}`);
  if (extra !== undefined) throw new UsageError(`${name}: unexpected argument "${extra}"`);

  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const option = token.name as Option;
    if (!Object.hasOwn(OPTIONS, option)) throw new UsageError(`unknown option ${token.rawName}`);
    if (!ACCEPTS[name].has(option)) {
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
  const text = (option: Option) => values[option] as string | undefined;
  const flag = (option: Option) => values[option] === true;

  if (name === "capture") {
    const output = text("output");
    return { command: name, ...(output !== undefined && { output }), modules: !flag("no-modules") };
  }

  if (flag("json") && flag("csv")) refuse(["--json", "--csv"]);
  const format: Format = flag("json") ? "json" : flag("csv") ? "csv" : "table";
  const watchText = text("watch");
  if (watchText !== undefined && format !== "table") refuse([`--${format}`, "--watch"]);
  const capture = text("capture");
  const common: TableArgs = {
    format,
    ...(capture !== undefined && { capture }),
    ...(watchText !== undefined && { watch: seconds(watchText) }),
  };

  if (name !== "tcp") {
    return {
      command: name,
      ...common,
      family: oneOf(text("family") ?? "all", "--family", FAMILIES),
    };
  }
  if (flag("basic") && flag("owner")) refuse(["--basic", "--owner"]);
  const table = flag("basic") ? "basic" : flag("owner") ? "owner" : "tcp2";
  const [states, port, pid, sortText] = [
    values.state as string[] | undefined,
    text("port"),
    text("pid"),
    text("sort"),
  ];
  const sort = sortText === undefined ? undefined : oneOf(sortText, "--sort", SORT_KEYS);
  if (table === "basic" && pid !== undefined) {
    refuse(["--basic", "--pid"], "GetTcpTable has no PID");
  }
  if (table === "basic" && sort === "pid") {
    refuse(["--basic", "--sort pid"], "GetTcpTable has no PID");
  }
  return {
    command: name,
    ...common,
    table,
    filter: {
      ...(states !== undefined && { states: parseStates(states) }),
      ...(port !== undefined && { port: integer(port, "--port", 1, 65535) }),
      ...(pid !== undefined && { pid: integer(pid, "--pid", 0, 0xffffffff) }),
    },
    ...(sort !== undefined && { sort }),
  };
}
