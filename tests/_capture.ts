// Builds captures for tests from rows, through the public encoders.
import type { Capture, CapturedCall } from "../mock/mod.ts";
import { bytesToBase64, encodeTcpTable2 } from "../mock/mod.ts";
import type { IpHelperSymbols, TcpRow2 } from "../mod.ts";
import { type NetioFunction, TABLE_FUNCTIONS } from "../ffi/_tables.ts";

/** A capture holding `calls`. */
export function capture(...calls: CapturedCall[]): Capture {
  return { format: "iphlpapi-capture", version: 1, producer: "tests", calls };
}

/** A successful call that returned `bytes`. */
export function ok(
  fn: CapturedCall["function"],
  bytes: Uint8Array,
  args: CapturedCall["args"] = {},
): CapturedCall {
  return { function: fn, args, status: 0, data: bytesToBase64(bytes) };
}

/** `count` distinct ESTABLISHED rows. */
export function tcpRows(count: number): TcpRow2[] {
  return Array.from({ length: count }, (_, i) => ({
    state: 5,
    localAddr: "10.0.0.1",
    localPort: 1024 + (i % 60000),
    remoteAddr: `192.0.${(i >> 8) & 255}.${i & 255}`,
    remotePort: 443,
    owningPid: 1000 + i,
    offloadState: 0,
  }));
}

/** A capture whose GetTcpTable2 holds `rows`. */
export function tcpCapture(rows: TcpRow2[]): Capture {
  return capture(ok("GetTcpTable2", encodeTcpTable2(rows)));
}

/** Hand-made symbols: `functions`, and null (not exported) for every other bound function. */
export function symbolsWith(functions: Record<string, unknown>): IpHelperSymbols {
  const all: Record<string, unknown> = { FreeMibTable: null };
  for (const fn of TABLE_FUNCTIONS) all[fn] = null;
  return { ...all, ...functions } as unknown as IpHelperSymbols;
}

/**
 * `mock`'s symbols, with the table `fn` hands out (by pointer) changed at
 * byte `offset` to `value` after the mock has filled it: bytes no capture can
 * hold (the mock checks captures), for the decoders' error paths.
 */
export function corrupting(
  symbols: IpHelperSymbols,
  fn: NetioFunction,
  offset: number,
  value: number,
): IpHelperSymbols {
  const handOut = symbols[fn] as unknown as (...args: unknown[]) => number;
  return {
    ...symbols,
    // `(family, out)`, or `(out)` for GetIfTable2: the table pointer is the last argument.
    [fn]: (...args: unknown[]) => {
      const status = handOut(...args);
      const table = Deno.UnsafePointer.create((args.at(-1) as BigUint64Array)[0]!)!;
      new Uint8Array(Deno.UnsafePointerView.getArrayBuffer(table, offset + 1))[offset] = value;
      return status;
    },
  };
}
