// What the addresses, routes, neighbors and interfaces commands share: their
// flags (--family, --interface), interface names from GetIfTable2, and how
// an address, a yes/no and a failed table are shown.
import {
  AF_INET,
  AF_INET6,
  type Family,
  getInterfaceNames,
  type InterfaceKeyed,
  IpHelperError,
  type IpHelperSymbols,
  type SocketAddress,
  withInterfaceNames,
} from "../mod.ts";
import { type FamilyArgs, parseFamily } from "./_family.ts";
import type { OptionValues } from "./_parse.ts";
import type { Cell } from "./_view.ts";

/** The flags of the interface tables: `--family` and `--interface`. */
export interface NetioArgs extends FamilyArgs {
  /** `--interface`: keep the rows of the interface with this alias (any case) or index. */
  interface?: string;
}

/** Reads `--family` and `--interface`. */
export function parseNetio(values: OptionValues): NetioArgs {
  const name = values.text("interface");
  return { ...parseFamily(values), ...(name !== undefined && { interface: name }) };
}

/** Whether address family `af` (`AF_INET`, `AF_INET6`) is one `family` keeps. */
export function inFamily(family: Family, af: number): boolean {
  return family === "all" || af === (family === "ipv4" ? AF_INET : AF_INET6);
}

/** Whether the interface of alias `alias` and index `index` is the one `--interface` names. */
export function isInterface(args: NetioArgs, alias: string | null, index: number): boolean {
  const wanted = args.interface;
  return wanted === undefined || wanted === String(index) ||
    (alias !== null && alias.toLowerCase() === wanted.toLowerCase());
}

/** An address as ipconfig shows it: an IPv6 address with a zone gets `%zone`. */
export function addressText(address: SocketAddress): string {
  return address.family === AF_INET6 && address.scopeId !== 0
    ? `${address.address}%${address.scopeId}`
    : address.address;
}

/** `yes`, or a dimmed `no`. */
export const yesNo = (value: boolean): Cell =>
  value ? { text: "yes" } : { text: "no", style: "dim" };

/** What `read` returns, or the IpHelperError it throws (anything else is thrown on). */
export function attempt<T>(read: () => T): T | IpHelperError {
  try {
    return read();
  } catch (error) {
    if (error instanceof IpHelperError) return error;
    throw error;
  }
}

/** A one-line note: what is not shown, because `error`'s function failed. */
export function failureNote(missing: string, error: IpHelperError): string {
  return `iphlpapi: ${missing}: ${error.functionName} failed: ${error.codeName} (${error.code})`;
}

/** A row with its interface's names: null where GetIfTable2 could not say. */
export type Named<R> = R & {
  /** The interface's alias (`"Ethernet"`). */
  interfaceAlias: string | null;
  /** The adapter's description. */
  interfaceDescription: string | null;
};

/**
 * `rows` with the names of their interfaces, from one GetIfTable2 read. If
 * GetIfTable2 fails the names are null, the rows are still shown (by
 * interface index), and the note says why.
 */
export function withNames<R extends InterfaceKeyed>(
  rows: readonly R[],
  symbols: IpHelperSymbols | undefined,
): { rows: Named<R>[]; note?: string } {
  const names = attempt(() => getInterfaceNames(symbols ? { symbols } : {}));
  const failed = names instanceof IpHelperError;
  const lookup = failed ? { byIndex: new Map(), byLuid: new Map() } : names;
  const named = withInterfaceNames(rows, lookup).map((row) => ({
    ...row,
    interfaceAlias: row.interfaceAlias ?? null,
    interfaceDescription: row.interfaceDescription ?? null,
  })) as Named<R>[];
  return failed
    ? { rows: named, note: failureNote("interface names not shown (indexes are)", names) }
    : { rows: named };
}

/**
 * The rows of an interface table that `args` keeps: `rows` with their
 * interfaces' names (see withNames), those of the interface `--interface`
 * names; and the note, if any, that says why the names are missing.
 */
export function rowsOnInterface<R extends InterfaceKeyed & { interfaceIndex: number }>(
  args: NetioArgs,
  rows: readonly R[],
  symbols: IpHelperSymbols | undefined,
): { rows: Named<R>[]; notes: string[] } {
  const { rows: named, note } = withNames(rows, symbols);
  return {
    rows: named.filter((row) => isInterface(args, row.interfaceAlias, row.interfaceIndex)),
    notes: note === undefined ? [] : [note],
  };
}

/** The Interface cell: its alias, or its index when the alias is unknown. */
export function interfaceCell(row: Named<{ interfaceIndex: number }>): Cell {
  return { text: row.interfaceAlias ?? String(row.interfaceIndex) };
}
