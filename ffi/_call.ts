// How the table functions are called. Each call sequence (probe, retry, copy,
// free) is written once, as a generator that yields the DLL calls it wants
// made; runSync and runAsync carry them out against blocking or nonblocking
// symbols. So the sync and async APIs share every line of their logic.
import { tableLength, type TableShape } from "../structs/_table.ts";
import { copyTable, MAX_TABLE_BYTES, pointerAt } from "./_pointer.ts";
import { IpHelperError } from "./ip_helper_error.ts";
import { IpHelperStatus as S } from "./status.ts";
import type { IpHelperFunction, IpHelperSymbols, NonblockingIpHelperSymbols } from "./symbols.ts";
import {
  extendedCodec,
  type ExtendedFunction,
  type FixedFunction,
  type NetioFunction,
  type OrderedFunction,
  type OwnerModuleFunction,
  TABLES,
} from "./_tables.ts";

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
function sizeCache(symbols: object): Map<string, number> {
  let cache = sizes.get(symbols);
  if (!cache) sizes.set(symbols, cache = new Map());
  return cache;
}

/**
 * The size to remember after a read that needed `used` bytes of a
 * `capacity`-byte buffer: the capacity, unless the table has shrunk to under
 * a quarter of it (after a spike), when it decays to what the table needs
 * plus slack. So one 500k-row spike does not make every later read of a
 * 3-row table allocate megabytes.
 */
export function nextCapacity(capacity: number, used: number): number {
  return used < capacity >> 2 ? Math.max(FIRST_GUESS, withSlack(used)) : capacity;
}

/**
 * A caller-allocated call: try the remembered size; on
 * `ERROR_INSUFFICIENT_BUFFER` take the size Windows asks for plus slack; on
 * `STATUS_UNSUCCESSFUL` (transient under load) try again; give up after
 * {@linkcode MAX_ATTEMPTS}. Returns the filled buffer.
 *
 * @param key What the remembered size is kept under.
 * @param args The call's arguments, given the buffer and the size cell.
 * @param used How many bytes of a filled buffer the answer occupies.
 */
function* callerAllocated(
  symbols: AnySymbols,
  fn: IpHelperFunction,
  key: string,
  args: (buffer: Uint8Array, size: Uint32Array) => unknown[],
  used: (buffer: Uint8Array) => number,
): Plan<Uint8Array> {
  lookup(symbols, fn);
  const cache = sizeCache(symbols);
  const size = new Uint32Array(1);
  let capacity = cache.get(key) ?? FIRST_GUESS;
  let status: number = S.ERROR_SUCCESS;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const buffer = new Uint8Array(capacity);
    size[0] = capacity;
    status = yield { fn, args: args(buffer, size) };
    if (status === S.ERROR_SUCCESS) {
      cache.set(key, nextCapacity(capacity, used(buffer)));
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

/** The bytes a filled table occupies: its count's worth of rows (all of it if that overruns). */
export function usedBytes(buffer: Uint8Array, shape: TableShape): number {
  if (buffer.length < 4) return buffer.length;
  const count = new DataView(buffer.buffer, buffer.byteOffset, 4).getUint32(0, true);
  return Math.min(tableLength(count, shape), buffer.length);
}

/** `GetTcpTable2(Table, Size, Order)` and the other ordered tables. */
export function orderedPlan(
  symbols: AnySymbols,
  fn: OrderedFunction,
  sorted: boolean,
): Plan<Uint8Array> {
  const { shape } = TABLES[fn].codec;
  return callerAllocated(
    symbols,
    fn,
    fn,
    (buffer, size) => [buffer, size, sorted ? 1 : 0],
    (buffer) => usedBytes(buffer, shape),
  );
}

/**
 * `GetExtendedTcpTable(Table, Size, Order, Family, Class, 0)` and its UDP
 * twin. The (family, class) pair must have a codec (checked by the caller).
 */
export function extendedPlan(
  symbols: AnySymbols,
  fn: ExtendedFunction,
  family: number,
  tableClass: number,
  sorted: boolean,
): Plan<Uint8Array> {
  const codec = extendedCodec(fn, family, tableClass);
  if (codec === undefined) {
    throw new TypeError(`${fn}: family ${family} has no table class ${tableClass}`);
  }
  return callerAllocated(
    symbols,
    fn,
    `${fn}/${family}/${tableClass}`,
    (buffer, size) => [buffer, size, sorted ? 1 : 0, family, tableClass, 0],
    (buffer) => usedBytes(buffer, codec.shape),
  );
}

/** `TCPIP_OWNER_MODULE_INFO_BASIC`: the only class Windows defines. */
const TCPIP_OWNER_MODULE_INFO_BASIC = 0;

/** `GetOwnerModuleFromTcpEntry(Entry, Class, Buffer, Size)` and its siblings; `entry` is the row's bytes. */
export function ownerModulePlan(
  symbols: AnySymbols,
  fn: OwnerModuleFunction,
  entry: Uint8Array,
): Plan<Uint8Array> {
  return callerAllocated(
    symbols,
    fn,
    fn,
    (buffer, size) => [entry, TCPIP_OWNER_MODULE_INFO_BASIC, buffer, size],
    (buffer) => buffer.length,
  );
}

/**
 * An OS-allocated table (`GetIpInterfaceTable`, `GetIfTable2`, …): read the
 * table pointer, copy the table out, and `FreeMibTable` it in a `finally`,
 * also when the status is an error (Wine's `GetIpNetTable2(AF_UNSPEC)`
 * returns 1 and still allocates a table). `ERROR_NOT_FOUND` means "no
 * entries" and gives an empty table. `family` is undefined for the functions
 * that take none.
 */
export function* netioPlan(
  symbols: AnySymbols,
  fn: NetioFunction,
  family: number | undefined,
): Plan<Uint8Array> {
  lookup(symbols, fn);
  lookup(symbols, "FreeMibTable");
  const { shape } = TABLES[fn].codec;
  const table = new BigUint64Array(1);
  const status = yield { fn, args: family === undefined ? [table] : [family, table] };
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

/** `GetTcpStatisticsEx(Stats, Family)` and the other statistics: one fixed-size structure. */
export function* fixedPlan(
  symbols: AnySymbols,
  fn: FixedFunction,
  family: number,
): Plan<Uint8Array> {
  lookup(symbols, fn);
  const { size } = TABLES[fn];
  const buffer = new Uint8Array(size);
  const status = yield { fn, args: [buffer, family] };
  if (status !== S.ERROR_SUCCESS) throw new IpHelperError(fn, status);
  return buffer;
}
