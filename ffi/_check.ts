// Options are checked where they enter: a wrong value is a TypeError naming
// the function and the option, never a silent change of meaning or an engine
// message from deep inside a call.
import { AF_INET, AF_INET6, AF_UNSPEC } from "../structs/socket_address.ts";
import { type AnySymbols, type Plan, runAsync, runSync } from "./_call.ts";
import { TABLE_FUNCTIONS } from "./_tables.ts";
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

/** The `family` option as an `ADDRESS_FAMILY`; `allowed` defaults to all three. */
export function checkFamily(
  fn: string,
  value: unknown,
  fallback: Family,
  allowed: readonly Family[] = FAMILIES,
): number {
  return FAMILY_VALUE[checkChoice(fn, "family", value, allowed, fallback)];
}

/** Symbols objects already checked: the check runs once per object. */
const checked = new WeakSet<object>();

/** `options.symbols`, checked to have every bound function (a function, or null when missing). */
function checkSymbols<S extends AnySymbols>(fn: string, symbols: unknown): S {
  if (typeof symbols === "object" && symbols !== null && checked.has(symbols)) return symbols as S;
  if (typeof symbols !== "object" || symbols === null || Array.isArray(symbols)) {
    throw new TypeError(
      `${fn}: options.symbols must be the symbols of a library or mock, found ${
        describeValue(symbols)
      }`,
    );
  }
  const record = symbols as Record<string, unknown>;
  for (const name of [...TABLE_FUNCTIONS, "FreeMibTable"]) {
    if (record[name] !== null && typeof record[name] !== "function") {
      throw new TypeError(
        `${fn}: options.symbols.${name} must be a function, or null where the DLL lacks it; found ${
          describeValue(record[name])
        }`,
      );
    }
  }
  checked.add(symbols);
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
