// What a table command is: its help, the flags it takes beyond the shared
// ones, how it reads them, and how it reads its view. cli/_commands.ts lists
// them; the parser, the help and the dispatch are derived from that list.
import type { IpHelperSymbols } from "../mod.ts";
import type { ColorMode } from "./_color.ts";
import type { Option, OptionValues } from "./_parse.ts";
import type { View } from "./_view.ts";

/** How a table command prints its rows. */
export type Format = "table" | "json" | "csv";

/** The options every table command takes. */
export interface TableArgs {
  /** Replay this capture file instead of the live DLL or the embedded sample. */
  capture?: string;
  /** The output format. */
  format: Format;
  /** Refresh every this many seconds (`--watch`), from 0.1 to 86400; absent: print once. */
  watch?: number;
  /** `--color`: when the table is coloured. */
  color: ColorMode;
}

/** A table command, whose own parsed options are `A`. */
export interface TableCommand<A extends object = object> {
  /** The command's name. */
  name: string;
  /** One line for the tool's help. */
  summary: string;
  /** The command's help, before the shared options: usage, what it shows, its own flags. */
  help: string;
  /** Examples, after the shared options. */
  examples?: string;
  /** The flags it takes besides the shared ones. */
  options: readonly Option[];
  /**
   * Reads its own flags.
   *
   * @throws {UsageError} For a bad value, or flags that exclude each other.
   */
  parse(values: OptionValues): A;
  /**
   * Reads the tables and lays them out.
   *
   * @param symbols A mock's functions, or undefined for the live DLL.
   */
  view(args: A & TableArgs, symbols: IpHelperSymbols | undefined): View;
}

/** `command`, typed for the list of every command (whose options differ). */
export function defineCommand<A extends object>(command: TableCommand<A>): TableCommand {
  // view() only ever receives what parse() returned, with the shared options.
  return command as unknown as TableCommand;
}
