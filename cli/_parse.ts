// The flags of every command and the checks their values share. A command
// names the flags it takes (cli/_command.ts); a flag is defined once, here.
import { UsageError } from "./_errors.ts";

/** Every flag, as node:util's parseArgs takes them. */
export const OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  color: { type: "string" },
  capture: { type: "string" },
  json: { type: "boolean" },
  csv: { type: "boolean" },
  watch: { type: "string" },
  basic: { type: "boolean" },
  owner: { type: "boolean" },
  state: { type: "string", multiple: true },
  port: { type: "string", multiple: true },
  pid: { type: "string" },
  sort: { type: "string" },
  family: { type: "string" },
  interface: { type: "string" },
  ipv4: { type: "boolean", short: "4" },
  ipv6: { type: "boolean", short: "6" },
  output: { type: "string" },
  "no-modules": { type: "boolean" },
} as const;

/** A flag's name. */
export type Option = keyof typeof OPTIONS;

/** The values given on the command line, read by flag. */
export interface OptionValues {
  /** The value of a flag that takes one (the last, if repeated). */
  text(option: Option): string | undefined;
  /** Whether a boolean flag was given. */
  flag(option: Option): boolean;
  /** Every value of a repeatable flag. */
  list(option: Option): string[] | undefined;
}

/** `text` as an integer from `min` to `max`, or a UsageError naming `flag`. */
export function integer(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${flag}: expected an integer from ${min} to ${max}, found "${text}"`);
  }
  return value;
}

/** `--port` values: each a port, or several separated by commas. */
export function ports(values: readonly string[]): Set<number> {
  return new Set(
    values.flatMap((value) => value.split(",")).map((port) => integer(port, "--port", 1, 65535)),
  );
}

/** `text` (any case) if it is one of `choices`, or a UsageError naming `flag`. */
export function oneOf<T extends string>(text: string, flag: string, choices: readonly T[]): T {
  const value = text.toLowerCase();
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${flag}: expected ${choices.join(", ")}, found "${text}"`);
  }
  return value as T;
}

/** The UsageError for flags that exclude each other. */
export function refuse(flags: string[], why = ""): never {
  throw new UsageError(`${flags.join(" and ")} cannot be used together${why && `: ${why}`}`);
}
