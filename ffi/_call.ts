// How the table functions are called. Each call sequence (probe, retry, copy,
// free) is written once, as a generator that yields the DLL calls it wants
// made; runSync and runAsync carry them out against blocking or nonblocking
// symbols. So the sync and async APIs share every line of their logic.
import { tableLength, type TableShape } from "../structs/_table.ts";
import { copyTable, MAX_TABLE_BYTES, pointerAt } from "./_pointer.ts";
import { IpHelperError } from "./ip_helper_error.ts";
import { FAMILY_VALUE, type FamilyOption } from "./options.ts";
import { IpHelperStatus as S } from "./status.ts";
import type { IpHelperFunction, IpHelperSymbols, NonblockingIpHelperSymbols } from "./symbols.ts";

/** A DLL call a plan wants made. */
export interface Call {
  fn: IpHelperFunction;
  args: unknown[];
}

/** A call sequence: yields calls, receives their status, returns the table bytes. */
export type Plan<T> = Generator<Call, T, number>;

/** Either kind of symbols; the async driver awaits whatever a call returns. */
export type AnySymbols = IpHelperSymbols | NonblockingIpHelperSymbols;

/** Attempts before a caller-allocated call gives up. */
export const MAX_ATTEMPTS = 5;

/** First buffer size for a table never read before: small tables need one call. */
const FIRST_GUESS = 4096;

/** Room for rows added between the size probe and the call: 1/8 more, plus 256 bytes. */
function withSlack(size: number): number {
  return size + (size >> 3) + 256;
}

type Callable = (...args: unknown[]) => number | Promise<number> | void;

function lookup(symbols: AnySymbols, fn: IpHelperFunction): Callable {
  const f = symbols[fn] as Callable | null;
  if (f === null) throw new IpHelperError(fn, S.ERROR_PROC_NOT_FOUND);
  return f;
}

/** Throws `ERROR_PROC_NOT_FOUND` unless every function in `fns` is present. */
function requireSymbols(symbols: AnySymbols, ...fns: IpHelperFunction[]): void {
  for (const fn of fns) lookup(symbols, fn);
}

// A call that throws is thrown into the plan, so that its `finally` blocks
// (FreeMibTable) run before the error reaches the caller.

/** Runs `plan` with blocking symbols. */
export function runSync<T>(plan: Plan<T>, symbols: IpHelperSymbols): T {
  let step = plan.next();
  while (!step.done) {
    let status: number;
    try {
      status = lookup(symbols, step.value.fn)(...step.value.args) as number;
    } catch (error) {
      step = plan.throw(error);
      continue;
    }
    step = plan.next(status);
  }
  return step.value;
}

/** Runs `plan` with nonblocking (or blocking) symbols, awaiting each call. */
export async function runAsync<T>(plan: Plan<T>, symbols: AnySymbols): Promise<T> {
  let step = plan.next();
  while (!step.done) {
    let status: number;
    try {
      status = await lookup(symbols, step.value.fn)(...step.value.args) as number;
    } catch (error) {
      step = plan.throw(error);
      continue;
    }
    step = plan.next(status);
  }
  return step.value;
}

/**
 * Remembered buffer sizes, per symbols object and call, so that the steady
 * state is one DLL call per table read rather than a probe and a call.
 */
const sizes = new WeakMap<object, Map<string, number>>();

/** The size memory of `symbols`. */
export function sizeCache(symbols: object): Map<string, number> {
  let cache = sizes.get(symbols);
  if (!cache) sizes.set(symbols, cache = new Map());
  return cache;
}

/**
 * A caller-allocated call (`GetTcpTable`, `GetTcpTable2`,
 * `GetExtendedTcpTable`, `GetOwnerModuleFromTcpEntry`): try the remembered
 * size; on `ERROR_INSUFFICIENT_BUFFER` take the size Windows asks for plus
 * slack; on `STATUS_UNSUCCESSFUL` (transient under load) try again; give up
 * after {@linkcode MAX_ATTEMPTS}. Returns the filled buffer.
 *
 * @param args The call's arguments, given the buffer and the size cell.
 */
export function* callerAllocated(
  fn: IpHelperFunction,
  key: string,
  cache: Map<string, number>,
  args: (buffer: Uint8Array, size: Uint32Array) => unknown[],
): Plan<Uint8Array> {
  const size = new Uint32Array(1);
  let capacity = cache.get(key) ?? FIRST_GUESS;
  let status: number = S.ERROR_SUCCESS;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const buffer = new Uint8Array(capacity);
    size[0] = capacity;
    status = yield { fn, args: args(buffer, size) };
    if (status === S.ERROR_SUCCESS) {
      cache.set(key, capacity);
      return buffer;
    }
    if (status === S.ERROR_INSUFFICIENT_BUFFER) {
      const needed = size[0]!;
      if (needed > MAX_TABLE_BYTES) {
        throw new IpHelperError(
          fn,
          status,
          `Windows asked for ${needed} bytes, more than the ${MAX_TABLE_BYTES}-byte limit; refusing.`,
        );
      }
      // A size that does not grow would loop: ask for more than last time.
      capacity = withSlack(Math.max(needed, capacity + 1));
    } else if (status !== S.STATUS_UNSUCCESSFUL) {
      throw new IpHelperError(fn, status);
    }
  }
  throw new IpHelperError(
    fn,
    status,
    status === S.ERROR_INSUFFICIENT_BUFFER
      ? `The table kept growing faster than it could be read, ${MAX_ATTEMPTS} attempts in a row; call again.`
      : `Windows returned STATUS_UNSUCCESSFUL ${MAX_ATTEMPTS} times in a row (transient under heavy load); call again in a moment.`,
  );
}

/**
 * The plan of a netioapi table function: it needs `FreeMibTable` as well
 * (checked before anything is allocated), and selects rows by family.
 */
export function netioTable(
  symbols: AnySymbols,
  fn: "GetIpInterfaceTable" | "GetAnycastIpAddressTable",
  options: FamilyOption,
  shape: TableShape,
): Plan<Uint8Array> {
  requireSymbols(symbols, fn, "FreeMibTable");
  return osAllocated(fn, FAMILY_VALUE[options.family ?? "all"], shape);
}

/**
 * An OS-allocated call (`GetIpInterfaceTable`, `GetAnycastIpAddressTable`):
 * read the table pointer, copy the table out, and `FreeMibTable` it in a
 * `finally`. `ERROR_NOT_FOUND` means "no entries" and gives an empty table.
 */
function* osAllocated(
  fn: IpHelperFunction,
  family: number,
  shape: TableShape,
): Plan<Uint8Array> {
  const table = new BigUint64Array(1);
  const status = yield { fn, args: [family, table] };
  try {
    if (status === S.ERROR_NOT_FOUND) return new Uint8Array(tableLength(0, shape)); // no rows
    if (status !== S.ERROR_SUCCESS) throw new IpHelperError(fn, status);
    if (table[0] === 0n) {
      throw new IpHelperError(fn, status, "Windows reported success but returned no table.");
    }
    return copyTable(table[0]!, shape);
  } finally {
    if (table[0] !== 0n) yield { fn: "FreeMibTable", args: [pointerAt(table[0]!)] };
  }
}
