// Options are checked where they enter: a wrong value is a TypeError naming
// the function and the option, never a silent change of meaning or an engine
// message from deep inside a call.
import { AF_INET, AF_INET6, AF_UNSPEC } from "../structs/socket_address.ts";
import {
  type AnySymbols,
  extendedPlan,
  netioPlan,
  orderedPlan,
  type Plan,
  runAsync,
  runSync,
} from "./_call.ts";
import {
  extendedCodec,
  type ExtendedFunction,
  type NetioFunction,
  type OrderedFunction,
  TABLE_FUNCTIONS,
  TABLES,
} from "./_tables.ts";
import { loadIpHelper, loadNonblockingIpHelper } from "./library.ts";
import type { Family, SymbolsOption } from "./options.ts";
import type { IpHelperSymbols } from "./symbols.ts";

/** How a value looks in a message: short, and never the value's own `toString`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string": {
      const json = JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
      return json.replace(
        /[\u007f-\u009f\u2028\u2029]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
      );
    }
    case "number":
    case "boolean":
      return String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return "undefined";
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
    default:
      return "an object";
  }
}

/**
 * Checks that `options` is undefined or a plain object whose keys are all in
 * `keys`, and returns it (or `{}`).
 */
export function checkOptions<T extends object>(
  fn: string,
  options: T | undefined,
  keys: readonly string[],
): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object, found ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!keys.includes(key)) {
      throw new TypeError(
        `${fn}: unknown option ${describeValue(key)}; expected ${
          keys.map((k) => JSON.stringify(k)).join(", ")
        }`,
      );
    }
  }
  return options;
}

/** One of `allowed`, or `fallback` when undefined; anything else is a TypeError. */
export function checkChoice<T extends string>(
  fn: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  throw new TypeError(
    `${fn}: options.${name} must be ${allowed.map((a) => JSON.stringify(a)).join(", ")}, found ${
      describeValue(value)
    }`,
  );
}

/** The `sorted` option: a boolean (false when undefined), nothing else. */
export function checkSorted(fn: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean") {
    throw new TypeError(`${fn}: options.sorted must be a boolean, found ${describeValue(value)}`);
  }
  return value;
}

/** The `ADDRESS_FAMILY` value of a {@linkcode Family}. */
export const FAMILY_VALUE: Readonly<Record<Family, number>> = {
  all: AF_UNSPEC,
  ipv4: AF_INET,
  ipv6: AF_INET6,
};

const FAMILIES = Object.keys(FAMILY_VALUE) as Family[];

/** The families of the connection tables and the statistics: no `"all"`. */
export const SOCKET_FAMILIES: readonly Family[] = ["ipv4", "ipv6"];

/** The `family` option as an `ADDRESS_FAMILY`; `allowed` defaults to all three. */
export function checkFamily(
  fn: string,
  value: unknown,
  fallback: Family,
  allowed: readonly Family[] = FAMILIES,
): number {
  return FAMILY_VALUE[checkChoice(fn, "family", value, allowed, fallback)];
}

/**
 * Checks that `options[option]` of `api` is an object holding each of
 * `functions` as a function, or as null where the DLL lacks it; `what` says
 * what it must be.
 */
export function checkFunctions(
  api: string,
  option: string,
  value: unknown,
  functions: readonly string[],
  what: string,
): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${api}: options.${option} must be ${what}, found ${describeValue(value)}`);
  }
  const record = value as Record<string, unknown>;
  for (const name of functions) {
    if (record[name] !== null && typeof record[name] !== "function") {
      throw new TypeError(
        `${api}: options.${option}.${name} must be a function, or null where the DLL lacks it; found ${
          describeValue(record[name])
        }`,
      );
    }
  }
}

/** Symbols objects already checked: the check runs once per object. */
const checked = new WeakSet<object>();

const BOUND_FUNCTIONS: readonly string[] = [...TABLE_FUNCTIONS, "FreeMibTable"];

/** `options.symbols`, checked to have every bound function (a function, or null when missing). */
function checkSymbols<S extends AnySymbols>(fn: string, symbols: unknown): S {
  if (typeof symbols === "object" && symbols !== null && checked.has(symbols)) return symbols as S;
  checkFunctions(fn, "symbols", symbols, BOUND_FUNCTIONS, "the symbols of a library or mock");
  checked.add(symbols as object);
  return symbols as S;
}

/** Runs the plan `make` builds with `options.symbols`, or the live blocking DLL. */
export function readSync<T>(
  fn: string,
  options: SymbolsOption,
  make: (symbols: AnySymbols) => Plan<T>,
): T {
  const symbols: IpHelperSymbols = options.symbols === undefined
    ? loadIpHelper()
    : checkSymbols(fn, options.symbols);
  return runSync(make(symbols), symbols);
}

/** Runs the plan `make` builds with `options.symbols`, or the live nonblocking DLL. */
export function readAsync<T>(
  fn: string,
  options: { symbols?: AnySymbols },
  make: (symbols: AnySymbols) => Plan<T>,
): Promise<T> {
  try {
    const symbols: AnySymbols = options.symbols === undefined
      ? loadNonblockingIpHelper()
      : checkSymbols(fn, options.symbols);
    return runAsync(make(symbols), symbols);
  } catch (error) {
    return Promise.reject(error);
  }
}

// What a table function's options select. Each helper checks the options of
// `api` (the public function's name, for messages) and returns them with the
// plan they select, ready for `readSync(api, ...checked)` or `readAsync`.

/** Checked options, and the plan they select. */
export type Checked<O, T = Uint8Array> = readonly [O, (symbols: AnySymbols) => Plan<T>];

/** The `symbols` option of either kind. */
type WithSymbols = { symbols?: AnySymbols };

/** `sorted` and `symbols`, for a read of the ordered table `fn` (`GetTcpTable2`, …). */
export function orderedOptions<O extends WithSymbols & { sorted?: boolean }>(
  api: string,
  fn: OrderedFunction,
  options: O | undefined,
): Checked<O> {
  const checked = checkOptions(api, options, ["sorted", "symbols"]);
  const sorted = checkSorted(api, checked.sorted);
  return [checked, (symbols) => orderedPlan(symbols, fn, sorted)];
}

/**
 * `family` (where `fn` takes one; `"all"` by default) and `symbols`, for a
 * read of the netio table `fn`.
 */
export function netioOptions<O extends WithSymbols & { family?: Family }>(
  api: string,
  fn: NetioFunction,
  options: O | undefined,
): Checked<O> {
  if (!TABLES[fn].family) {
    return [
      checkOptions(api, options, ["symbols"]),
      (symbols) => netioPlan(symbols, fn, undefined),
    ];
  }
  const checked = checkOptions(api, options, ["family", "symbols"]);
  const family = checkFamily(api, checked.family, "all");
  return [checked, (symbols) => netioPlan(symbols, fn, family)];
}

/**
 * How the options of an extended table pick its table class: the class of
 * each `owner` (for TCP, the first of its three), plus, for tables with an
 * `include` option, the offset of each selection.
 */
export interface TableClasses {
  owner: Readonly<Record<string, number>>;
  include?: Readonly<Record<string, number>>;
}

/**
 * `family` (`"ipv4"` by default, or `"ipv6"`), `owner` (`"pid"` by default),
 * `include` (`"all"` by default, where `classes` has it), `sorted` and
 * `symbols`, for a read of the extended table `fn`; the plan returns the
 * decoded rows of the class they select.
 */
export function extendedOptions<
  O extends WithSymbols & { family?: Family; owner?: string; include?: string; sorted?: boolean },
>(
  api: string,
  fn: ExtendedFunction,
  options: O | undefined,
  { owner, include }: TableClasses,
): Checked<O, readonly unknown[]> {
  const keys = include
    ? ["family", "owner", "include", "sorted", "symbols"]
    : ["family", "owner", "sorted", "symbols"];
  const checked = checkOptions(api, options, keys);
  const family = checkFamily(api, checked.family, "ipv4", SOCKET_FAMILIES);
  let tableClass = owner[checkChoice(api, "owner", checked.owner, Object.keys(owner), "pid")]!;
  if (include) {
    tableClass +=
      include[checkChoice(api, "include", checked.include, Object.keys(include), "all")]!;
  }
  const sorted = checkSorted(api, checked.sorted);
  const { decode } = extendedCodec(fn, family, tableClass)!;
  return [checked, function* (symbols) {
    return decode(yield* extendedPlan(symbols, fn, family, tableClass, sorted));
  }];
}
