// Counters as people read them: per-second rates under --watch, computed
// from the previous refresh, and SI units ("12.3 kB/s", "1 Gbps").
//
// cli.ts hands a view the same args object on every refresh, so what a view
// read last is kept here, keyed by that object: the view stays a function of
// the tables and of its last reading, and nothing outlives the watch loop.

/** Counters read at one moment. */
interface Sample {
  /** When, in milliseconds (any monotonic clock). */
  at: number;
  /** Each row's counters, by row key. */
  counters: ReadonlyMap<string, readonly bigint[]>;
}

const samples = new WeakMap<object, Sample>();

/**
 * The change per second from `before` to `after` over `seconds`; undefined
 * when the counter went back (it wrapped, or its interface was reset) or no
 * time passed.
 */
export function perSecond(before: bigint, after: bigint, seconds: number): number | undefined {
  if (after < before || !(seconds > 0)) return undefined;
  return Number(after - before) / seconds;
}

/**
 * Records `counters`, read at `at`, as `owner`'s latest sample and returns
 * each counter's rate since `owner`'s previous one: per row key, per counter,
 * the change per second, or undefined on the first reading, for a row that
 * was not there before, or where {@linkcode perSecond} has none.
 *
 * @param owner What identifies the reader across refreshes: the args object.
 * @param counters Each row's counters, by row key, always in the same order.
 * @param at When they were read, in milliseconds.
 */
export function ratesSince(
  owner: object,
  counters: ReadonlyMap<string, readonly bigint[]>,
  at: number,
): Map<string, (number | undefined)[]> {
  const previous = samples.get(owner);
  samples.set(owner, { at, counters });
  const seconds = previous === undefined ? 0 : (at - previous.at) / 1000;
  return new Map(
    [...counters].map(([key, values]) => {
      const before = previous?.counters.get(key);
      return [
        key,
        values.map((value, i) => {
          const was = before?.[i];
          return was === undefined ? undefined : perSecond(was, value, seconds);
        }),
      ];
    }),
  );
}

const PREFIXES = ["", "k", "M", "G", "T", "P", "E"];

/**
 * `value` in SI units, to three significant digits: `"12.3 kB/s"` for
 * `si(12345, "B/s")`, `"1 Gbps"` for `si(1e9, "bps")`, `"45/s"` for
 * `si(45, "/s")` (a unit starting with "/" is joined without a space).
 */
export function si(value: number, unit: string): string {
  let scaled = value;
  let prefix = 0;
  while (Math.abs(Number(scaled.toPrecision(3))) >= 1000 && prefix < PREFIXES.length - 1) {
    scaled /= 1000;
    prefix++;
  }
  const space = unit.startsWith("/") ? "" : " ";
  return `${Number(scaled.toPrecision(3))}${space}${PREFIXES[prefix]}${unit}`;
}
