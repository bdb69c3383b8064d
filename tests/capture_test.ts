import assert from "node:assert/strict";
import {
  getAnycastIpAddressTable,
  getExtendedTcpTable,
  getIpInterfaceTable,
  getOwnerModuleFromTcpEntry,
  getTcpTable,
  getTcpTable2,
  type IpHelperSymbols,
} from "../mod.ts";
import {
  bytesToBase64,
  type Capture,
  CaptureError,
  createMock,
  parseCapture,
  recordCapture,
} from "../mock/mod.ts";
import mingw from "../cli/sample/mingw.capture.json" with { type: "json" };
import wine from "../cli/sample/wine10.capture.json" with { type: "json" };

/** The two fixtures layered, as the CLI's sample does: Wine's TCP tables, mingw's modules. */
const layered: Capture = {
  ...(wine as Capture),
  calls: [...(mingw as Capture).calls, ...(wine as Capture).calls],
};

/** Everything the public API reads, as plain data, or the error it throws. */
function readAll(symbols: IpHelperSymbols): unknown {
  const outcome = (read: () => unknown) => {
    try {
      return read();
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  const modules = getExtendedTcpTable({ symbols, owner: "module" });
  return {
    tcp: outcome(() => getTcpTable({ symbols })),
    tcp2: outcome(() => getTcpTable2({ symbols })),
    pid: outcome(() => getExtendedTcpTable({ symbols })),
    modules,
    owners: modules.map((row) => outcome(() => getOwnerModuleFromTcpEntry(row, { symbols }))),
    interfaces: (["all", "ipv4", "ipv6"] as const).map((family) =>
      outcome(() => getIpInterfaceTable({ symbols, family }))
    ),
    anycast: (["all", "ipv4", "ipv6"] as const).map((family) =>
      outcome(() => getAnycastIpAddressTable({ symbols, family }))
    ),
  };
}

Deno.test("recordCapture records what the API reads; replaying the capture reads the same", () => {
  const source = createMock(layered);
  const { capture, failures } = recordCapture({ symbols: source.symbols });
  assert.equal(source.stats.live, 0, "the recorder frees what it reads");
  const replayed = JSON.parse(JSON.stringify(capture)); // through JSON, as a file would be
  assert.deepEqual(readAll(createMock(replayed).symbols), readAll(createMock(layered).symbols));
  assert.match(capture.producer, /^iphlpapi capture tool, Deno \d+\.\d+\.\d+ /);
  // The failures name each call and its status; each is in the capture too.
  assert.deepEqual(
    failures.filter((f) => f.startsWith("GetOwnerModuleFromTcpEntry ")).map((f) =>
      f.replace(" GetOwnerModuleFromTcpEntry failed:", "").replace(/\)\. .*/, ")")
    ),
    [
      "GetOwnerModuleFromTcpEntry (0.0.0.0:445, PID 4): ERROR_PARTIAL_COPY (299)",
      "GetOwnerModuleFromTcpEntry (192.168.1.23:50100, PID 0): ERROR_NOT_FOUND (1168)",
    ],
  );
  assert.deepEqual(
    capture.calls.filter((c) => c.function === "GetOwnerModuleFromTcpEntry").map((c) => c.status),
    [0, 299, 0, 0, 1168],
  );
});

Deno.test("recordCapture records a missing function as missing, and modules: false skips modules", () => {
  const fromWine = recordCapture({ symbols: createMock(wine as Capture).symbols });
  assert.deepEqual(
    fromWine.capture.calls.filter((c) => c.function === "GetOwnerModuleFromTcpEntry"),
    [{ function: "GetOwnerModuleFromTcpEntry", args: {}, status: "missing" }],
  );
  assert.equal(
    fromWine.failures.filter((f) => f.startsWith("GetOwnerModuleFromTcpEntry")).length,
    1,
  );
  assert.equal(fromWine.failures.filter((f) => f.includes("ERROR_NOT_SUPPORTED (50)")).length, 3);

  const noModules = recordCapture({ symbols: createMock(layered).symbols, modules: false });
  assert.ok(noModules.capture.calls.every((c) => c.function !== "GetOwnerModuleFromTcpEntry"));
});

Deno.test("parseCapture names the member that is wrong", () => {
  const base = { format: "iphlpapi-capture", version: 1, producer: "t", calls: [] as unknown[] };
  const call = { function: "GetTcpTable2", args: {}, status: 0, data: "AAAAAA==" };
  const liar = new Uint8Array(8);
  liar[0] = 3; // three anycast rows in 8 bytes
  const cases: [unknown, string | RegExp][] = [
    [null, "capture: expected a JSON object"],
    [{ ...base, format: "pcap" }, 'capture.format: expected "iphlpapi-capture", found "pcap"'],
    [{ ...base, version: 2 }, "capture.version: this module reads version 1, found 2"],
    [
      { ...base, producer: 1 },
      "capture.producer: expected a string of at most 4096 characters",
    ],
    [{ ...base, calls: {} }, "capture.calls: expected an array"],
    [{ ...base, calls: [7] }, "capture.calls[0]: expected an object"],
    [
      { ...base, calls: [{ ...call, function: "FreeMibTable" }] },
      /calls\[0\]\.function: "FreeMibTable" is not/,
    ],
    [{ ...base, calls: [{ ...call, args: [] }] }, "capture.calls[0].args: expected an object"],
    [
      { ...base, calls: [{ ...call, args: { order: 1 } }] },
      "capture.calls[0].args.order: expected a boolean",
    ],
    [
      { ...base, calls: [{ ...call, function: "GetAnycastIpAddressTable", args: { family: -1 } }] },
      "capture.calls[0].args.family: expected a DWORD",
    ],
    [
      { ...base, calls: [{ ...call, args: { family: 2 } }] },
      'capture.calls[0].args: unexpected member "family"; expected order',
    ],
    [
      { ...base, calls: [{ ...call, data: "AQAAAA==" }] },
      "capture.calls[0].data: a MIB_TCPTABLE2 of 1 rows is 32 bytes, found 4",
    ],
    [
      {
        ...base,
        calls: [{ ...call, function: "GetOwnerModuleFromTcpEntry", args: { row: "AAAA" } }],
      },
      /args\.row: expected 160 bytes, found 3/,
    ],
    [
      { ...base, calls: [{ ...call, status: "ok" }] },
      'capture.calls[0].status: expected a DWORD or "missing"',
    ],
    [{ ...base, calls: [{ ...call, size: 1.5 }] }, "capture.calls[0].size: expected a DWORD"],
    [{ ...base, calls: [{ ...call, data: undefined }] }, /data: a successful call needs its bytes/],
    [
      { ...base, calls: [{ ...call, data: "!!" }] },
      "capture.calls[0].data: not valid base64: its length 2 is not a multiple of 4",
    ],
    [
      { ...base, calls: [{ ...call, extra: 1 }] },
      /calls\[0\]: unexpected member "extra"/,
    ],
    [{ ...base, calls: new Array(2) }, "capture.calls[0]: expected an object"],
    [
      {
        ...base,
        calls: [{
          ...call,
          function: "GetAnycastIpAddressTable",
          args: { family: 0 },
          data: bytesToBase64(liar),
        }],
      },
      "capture.calls[0].data: a MIB_ANYCASTIPADDRESS_TABLE of 3 rows is 152 bytes, found 8",
    ],
    [
      {
        ...base,
        calls: [{
          ...call,
          function: "GetOwnerModuleFromTcpEntry",
          args: { row: bytesToBase64(new Uint8Array(160)) },
          address: "12",
        }],
      },
      /calls\[0\]\.address: expected "0x" and up to 16 hex digits/,
    ],
    [
      { ...base, calls: [{ ...call, source: 3 }] },
      "capture.calls[0].source: expected a string of at most 4096 characters",
    ],
  ];
  for (const [value, message] of cases) {
    assert.throws(() => parseCapture(value), (error) => {
      assert.ok(error instanceof CaptureError, String(error));
      if (typeof message === "string") assert.equal(error.message, message);
      else assert.match(error.message, message);
      return true;
    });
  }
  assert.equal(parseCapture({ ...base, calls: [call] }).calls.length, 1);
});

Deno.test("both fixtures are valid captures", () => {
  for (const fixture of [wine, mingw]) assert.ok(parseCapture(fixture).calls.length > 5);
});
