// tcp across IPv4 and IPv6, and udp: the command-line tool run as a
// subprocess on the Wine 10 capture, the embedded sample, and captures made
// here from the header-built IPv6 and UDP rows; checked against what the
// decoders make of the captures' bytes and what Deno reported when Wine's
// capture was recorded.
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  AF_INET,
  AF_INET6,
  decodeTcp6Table,
  decodeTcp6TableOwnerModule,
  decodeUdp6TableOwnerModule,
  decodeUdp6TableOwnerPid,
  decodeUdpTableOwnerPid,
  TcpState,
  tcpStateName,
} from "../mod.ts";
import {
  bytesToBase64,
  type Capture,
  type CapturedCall,
  type CapturedFunction,
  encodeOwnerModuleBasicInfo,
  encodeTcp6RowOwnerModule,
  encodeUdp6RowOwnerModule,
} from "../mock/mod.ts";
import mingwConnections from "../cli/sample/mingw_connections.capture.json" with {
  type: "json",
};
import wine from "../cli/sample/wine10.capture.json" with { type: "json" };
import wineExpected from "./fixtures/wine10.expected.json" with { type: "json" };
import {
  assertUsageErrors,
  capturedBytes,
  json,
  NO_STACK,
  notes,
  type Result,
  runCli,
  tableRows,
  watchCli,
  windows,
  winePath,
  withTempDir,
  writeCapture,
} from "./_cli.ts";

const headerBuiltPath = join(
  import.meta.dirname!,
  "..",
  "cli",
  "sample",
  "mingw_connections.capture.json",
);
const mingwPath = join(import.meta.dirname!, "..", "cli", "sample", "mingw.capture.json");
const netioPath = join(import.meta.dirname!, "..", "cli", "sample", "mingw_netio.capture.json");

/** The table's header and its rows, split into cells at runs of two or more spaces. */
function table(result: Result): { header: string[]; rows: string[][] } {
  assert.equal(result.code, 0, result.stderr);
  const [header, ...rows] = tableRows(result.stdout);
  return { header: header!, rows };
}

/** CSV records: none of these fields needs quoting. */
function csv(result: Result): string[][] {
  assert.equal(result.code, 0, result.stderr);
  assert.ok(!result.stdout.includes('"'));
  assert.ok(result.stdout.endsWith("\r\n"));
  return result.stdout.slice(0, -2).split("\r\n").map((record) => record.split(","));
}

/**
 * The header-built IPv6 TCP and UDP tables first, so they answer; Wine's
 * behind them for the IPv4 TCP tables; and `processes`.
 */
function merged(
  processes: Record<string, string | number>,
  extra: CapturedCall[] = [],
): Capture {
  return {
    ...(wine as Capture),
    producer: "tests: header-built rows over Wine's",
    calls: [...extra, ...(mingwConnections as Capture).calls, ...(wine as Capture).calls],
    processes,
  };
}

/** Wine's only process: the one that opened every socket. */
const WINE_PID = wineExpected.owningPid;
const WINE_PROCESS = "deno.exe";

// --- tcp: both families --------------------------------------------------------

Deno.test("tcp: the embedded sample's IPv6 rows, bracketed, after its IPv4 rows", {
  ignore: windows,
}, async () => {
  const { header, rows } = table(await runCli(["tcp"]));
  assert.deepEqual(header, [
    "Proto",
    "Local Address",
    "Foreign Address",
    "State",
    "PID",
    "Process",
    "Offload",
  ]);
  const ipv6 = rows.filter((cells) => cells[1]!.startsWith("["));
  assert.equal(ipv6.length, wineExpected.listen6.length + wineExpected.established6.length);
  assert.deepEqual(rows.slice(-ipv6.length), ipv6, "IPv6 rows come last");
  assert.ok(
    rows.some((cells) => cells.slice(1, 4).join(" ") === "[::]:8444 [::]:0 LISTEN"),
    "an IPv6 listener's foreign address is [::]:0",
  );
  // Wine gives ::1 a scope ID; only a link-local address shows one.
  assert.ok(ipv6.every((cells) => !cells[1]!.includes("%")));
});

Deno.test("tcp: header-built IPv6 rows: link-local scope IDs shown, others' not; listeners' junk remote members zeroed", async () => {
  await withTempDir(async (dir) => {
    const path = await writeCapture(dir, merged({}));
    const { rows } = table(await runCli(["tcp", "-6", "--capture", path]));
    assert.deepEqual(rows.map((cells) => cells.slice(1, 4)), [
      ["[::]:443", "[::]:0", "LISTEN"],
      ["[::1]:65535", "[::]:0", "LISTEN"],
      ["[fe80::1%12]:5355", "[::]:0", "LISTEN"],
      ["[2001:db8:0:1::23]:50123", "[2606:4700::6810:84e5]:443", "ESTABLISHED"],
      ["[fe80::1c2d:3e4f:5a6b:7c8d%12]:50124", "[fe80::1%12]:22", "ESTABLISHED"],
      ["[::ffff:192.0.2.1]:8080", "[::ffff:198.51.100.7]:61000", "ESTABLISHED"],
      ["[::1]:5432", "[::1]:59256", "TIME_WAIT"],
      ["[2001:db8::1:0:0:1]:1", "[2001:db8::]:80", "SYN_SENT"],
    ]);
    assert.deepEqual(rows.map((cells) => cells[6]), [
      "InHost",
      "InHost",
      "InHost",
      "InHost",
      "Offloaded",
      "InHost",
      "InHost",
      "Uploading",
    ]);
  });
});

Deno.test("tcp: a listener's foreign address is the same in the table, the CSV and the JSON", async () => {
  await withTempDir(async (dir) => {
    const path = await writeCapture(dir, merged({}));
    const rows = json<{ state: number; remoteAddr: string; remotePort: number }>(
      await runCli(["tcp", "--json", "--capture", path]),
    );
    const listening = rows.flatMap((row, i) => row.state === TcpState.LISTEN ? [i] : []);
    assert.ok(listening.length >= 6);
    const records = csv(await runCli(["tcp", "--csv", "--capture", path])).slice(1);
    const cells = table(await runCli(["tcp", "--capture", path])).rows;
    for (const i of listening) {
      const { remoteAddr, remotePort } = rows[i]!;
      assert.equal(remotePort, 0);
      const shown = remoteAddr === "::" ? "[::]:0" : "0.0.0.0:0";
      assert.ok(remoteAddr === "::" || remoteAddr === "0.0.0.0", remoteAddr);
      assert.equal(records[i]![2], shown);
      assert.equal(cells[i]![2], shown);
    }
  });
});

Deno.test("tcp -4, -6, --family: one family or both; --ipv4 and --ipv6 are -4 and -6", async () => {
  const families = async (...args: string[]) =>
    json<{ family: number }>(await runCli(["tcp", "--json", ...args, "--capture", winePath]))
      .map((row) => row.family);
  const both = await families();
  const ipv4 = await families("-4");
  const ipv6 = await families("-6");
  assert.ok(ipv4.length > 0 && ipv4.every((family) => family === AF_INET));
  assert.equal(ipv6.length, wineExpected.listen6.length + wineExpected.established6.length);
  assert.ok(ipv6.every((family) => family === AF_INET6));
  assert.deepEqual(both, [...ipv4, ...ipv6]);
  assert.deepEqual(await families("--family", "ipv4"), ipv4);
  assert.deepEqual(await families("--ipv6"), ipv6);
  assert.deepEqual(await families("--family", "IPv6"), ipv6);
  assert.deepEqual(await families("--family", "all"), both);
  assert.deepEqual(await families("--ipv4"), ipv4);
});

Deno.test("tcp --basic -6: GetTcp6Table's rows, with their family and no PID", async () => {
  const rows = json(await runCli(["tcp", "--basic", "-6", "--json", "--capture", winePath]));
  const expected = decodeTcp6Table(capturedBytes(wine as Capture, "GetTcp6Table"));
  assert.deepEqual(
    rows,
    expected.map((row) => ({
      family: AF_INET6,
      ...row,
      stateName: tcpStateName(row.state),
    })),
  );
});

Deno.test("family flags: one of -4, -6, --family; udp takes no --state or --basic; exit 2", async () => {
  const cases: [string[], string][] = [
    [["tcp", "-4", "-6"], "-4 and -6"],
    [["tcp", "-46"], "-4 and -6"],
    [["tcp", "-6", "--family", "ipv6"], "-6 and --family"],
    [["udp", "-4", "--family", "all"], "-4 and --family"],
    [["udp", "--family", "ipv5"], "--family"],
    [["udp", "--state", "LISTEN"], '--state is not an option of "udp"'],
    [["udp", "--basic"], '--basic is not an option of "udp"'],
    [["udp", "--sort", "state"], "--sort"],
    [["udp", "--sort", "remote"], "--sort"],
    [["udp", "--port", "0"], "--port"],
    [["udp", "--pid", "x"], "--pid"],
    [["udp", "--json", "--watch"], "--watch"],
    [["anycast", "-4"], '-4 is not an option of "anycast"'],
  ];
  await assertUsageErrors(cases);
});

// --- udp -----------------------------------------------------------------------

/** What udp --json prints for the Wine capture: IPv4 endpoints, then IPv6. */
const wineUdp = [
  ...decodeUdpTableOwnerPid(capturedBytes(wine as Capture, "GetExtendedUdpTable", AF_INET, 1))
    .map((row) => ({ family: AF_INET, ...row })),
  ...decodeUdp6TableOwnerPid(capturedBytes(wine as Capture, "GetExtendedUdpTable", AF_INET6, 1))
    .map((row) => ({ family: AF_INET6, ...row })),
].map((row) => ({ ...row, processName: WINE_PROCESS }));

Deno.test("udp --json: the Wine capture's UDP_TABLE_OWNER_PID rows of both families, named, no remote members", async () => {
  const rows = json(await runCli(["udp", "--json", "--capture", winePath]));
  assert.deepEqual(rows, wineUdp);
  assert.equal(rows.length, wineExpected.udp.length + wineExpected.udp6.length);
  assert.ok(rows.every((row) => !("remoteAddr" in row) && !("state" in row)));
  assert.ok(rows.every((row) => row.owningPid === WINE_PID));
});

Deno.test("udp: netstat's columns, *:* for the foreign address, the endpoints Deno opened", async () => {
  const result = await runCli(["udp", "--capture", winePath]);
  const { header, rows } = table(result);
  assert.deepEqual(header, ["Proto", "Local Address", "Foreign Address", "PID", "Process"]);
  assert.deepEqual(rows.map((cells) => cells[1]), [...wineExpected.udp, ...wineExpected.udp6]);
  for (const cells of rows) {
    assert.deepEqual([cells[0], cells[2], cells[3], cells[4]], [
      "UDP",
      "*:*",
      String(WINE_PID),
      WINE_PROCESS,
    ]);
  }
  assert.deepEqual(notes(result), []);
});

Deno.test("udp --csv: the table's columns and cells", async () => {
  const [header, ...records] = csv(await runCli(["udp", "--csv", "--capture", winePath]));
  assert.deepEqual(header, ["Proto", "Local Address", "Foreign Address", "PID", "Process"]);
  assert.deepEqual(
    records,
    [...wineExpected.udp, ...wineExpected.udp6].map((local) => [
      "UDP",
      local,
      "*:*",
      String(WINE_PID),
      WINE_PROCESS,
    ]),
  );
});

Deno.test("udp on the header-built rows: scope IDs in the table and the JSON", async () => {
  await withTempDir(async (dir) => {
    const path = await writeCapture(dir, merged({}));
    const { rows } = table(await runCli(["udp", "-6", "--capture", path]));
    assert.deepEqual(rows.map((cells) => cells[1]), [
      "[::]:5353",
      "[::1]:53",
      "[fe80::a00:27ff:fe4e:66a1%12]:546",
      "[::ffff:192.0.2.1]:443",
      "[2001:db8::]:65535",
    ]);
    const data = json(await runCli(["udp", "-6", "--json", "--capture", path]));
    assert.deepEqual(data.map((row) => row.localScopeId), [0, 0, 12, 0, 4294967295]);
  });
});

// --- process names ---------------------------------------------------------------

Deno.test("process names: the executable's name, System and System Idle Process, and why a process has none", async () => {
  await withTempDir(async (dir) => {
    const path = await writeCapture(
      dir,
      merged({
        "1024": "C:\\Windows\\System32\\svchost.exe",
        "1300": 5, // ERROR_ACCESS_DENIED
        "9012": 31, // ERROR_GEN_FAILURE
        "284": "C:\\Program Files\\App\\app.exe",
      }),
    );
    const result = await runCli(["tcp", "-6", "--capture", path]);
    assert.deepEqual(notes(result), []);
    const { header, rows } = table(result);
    const process = header.indexOf("Process");
    assert.equal(header[process - 1], "PID");
    assert.deepEqual(rows.map((cells) => [cells[process - 1], cells[process]]), [
      ["4", "System"],
      ["1024", "svchost.exe"],
      ["1300", "<access denied>"],
      ["7788", "<exited>"],
      ["9012", "<error 31>"],
      ["284", "app.exe"],
      ["0", "System Idle Process"],
      ["4294967295", "<exited>"],
    ]);
    const names = json(await runCli(["tcp", "-6", "--json", "--capture", path]))
      .map((row) => row.processName);
    assert.deepEqual(names, [
      "System",
      "svchost.exe",
      null,
      null,
      null,
      "app.exe",
      "System Idle Process",
      null,
    ]);
    const udp = json(await runCli(["udp", "--json", "--pid", "1300", "--capture", path]));
    assert.deepEqual(udp.map((row) => [row.family, row.processName]), [[AF_INET6, null]]);
  });
});

Deno.test("process names: a capture that records none leaves the column empty, with one note", async () => {
  for (const args of [["tcp", "-6"], ["tcp", "-6", "--owner"], ["udp"], ["udp", "--owner"]]) {
    const result = await runCli([...args, "--capture", headerBuiltPath]);
    assert.equal(result.code, 0, result.stderr);
    const [header, ...records] = csv(
      await runCli([...args, "--csv", "--capture", headerBuiltPath]),
    );
    const process = header!.indexOf("Process");
    assert.equal(header![process - 1], "PID", args.join(" "));
    assert.ok(records.length > 0 && records.every((record) => record[process] === ""));
    const processNotes = notes(result).filter((line) => /process names/.test(line));
    assert.deepEqual(processNotes, [
      "iphlpapi: process names not shown: the capture records none " +
      "(made with --no-modules, or by an older version)",
    ], args.join(" "));
    assert.ok(
      json(await runCli([...args, "--json", "--capture", headerBuiltPath]))
        .every((row) => row.processName === null),
    );
  }
  // The Process column's cells are empty: the PID is the last non-empty cell of a udp row.
  const plain = await runCli(["udp", "--capture", headerBuiltPath]);
  assert.match(plain.stdout.split("\n")[1]!, /\*:\*\s+1800$/);
});

Deno.test("process names: --basic has no PID, so no Process column and no note", async () => {
  const result = await runCli(["tcp", "--basic", "-6", "--capture", headerBuiltPath]);
  assert.deepEqual(table(result).header, ["Proto", "Local Address", "Foreign Address", "State"]);
  assert.deepEqual(notes(result), []);
});

// --- a capture without one family's table ------------------------------------------

Deno.test("a capture with one family's table: both families show it and note the other; asking for the other fails", async () => {
  const owner = await runCli(["tcp", "--owner", "--capture", mingwPath]);
  assert.equal(owner.code, 0, owner.stderr);
  assert.equal(
    notes(owner)[0],
    "iphlpapi: IPv6 rows not shown: the capture holds no GetExtendedTcpTable " +
      "(family 23, tableClass 8) call to replay",
  );
  assert.ok(table(owner).rows.every((cells) => !cells[1]!.startsWith("[")));
  const ipv6 = await runCli(["tcp", "--owner", "-6", "--capture", mingwPath]);
  assert.equal(ipv6.code, 1);
  assert.match(ipv6.stderr, /CaptureError: the capture holds no GetExtendedTcpTable/);
  assert.doesNotMatch(ipv6.stderr, NO_STACK);
  // The header-built capture has IPv6 TCP only.
  const tcp = await runCli(["tcp", "--capture", headerBuiltPath]);
  assert.ok(
    notes(tcp).includes(
      "iphlpapi: IPv4 rows not shown: the capture holds no GetTcpTable2 call to replay",
    ),
  );
  assert.ok(table(tcp).rows.every((cells) => cells[1]!.startsWith("[")));
  // Neither family: an error, not an empty table.
  const neither = await runCli(["udp", "--capture", netioPath]);
  assert.equal(neither.code, 1);
  assert.equal(neither.stdout, "");
  assert.match(neither.stderr, /CaptureError: the capture holds no GetExtendedUdpTable/);
});

// --- filters and sorting across families -----------------------------------------

Deno.test("filters across families: --port, --pid and --state keep rows of both", async () => {
  await withTempDir(async (dir) => {
    const path = await writeCapture(dir, merged({}));
    const rows = (...args: string[]) =>
      runCli([...args, "--json", "--capture", path]).then((result) =>
        json<{ family: number; localPort: number; remotePort?: number; owningPid: number }>(
          result,
        )
      );
    // UDP port 53 and PID 1800: one endpoint of each family.
    assert.deepEqual((await rows("udp", "--port", "53")).map((r) => [r.family, r.owningPid]), [
      [AF_INET, 1800],
      [AF_INET6, 1800],
    ]);
    assert.deepEqual(await rows("udp", "--pid", "1800"), await rows("udp", "--port", "53"));
    assert.deepEqual(
      (await rows("udp", "--port", "5353,443")).map((r) => [r.family, r.localPort]),
      [[AF_INET, 5353], [AF_INET, 443], [AF_INET6, 5353], [AF_INET6, 443]],
    );
    // TCP: Wine's IPv4 8080 and the header-built IPv6 8080, local or remote.
    const port8080 = await rows("tcp", "--port", "8080");
    assert.deepEqual(new Set(port8080.map((r) => r.family)), new Set([AF_INET, AF_INET6]));
    assert.ok(port8080.every((r) => r.localPort === 8080 || r.remotePort === 8080));
    // A listener's remote port is 0, which no --port matches; port 443 is local or remote.
    const port443 = await rows("tcp", "--port", "443", "-6");
    assert.deepEqual(port443.map((r) => [r.localPort, r.remotePort]), [[443, 0], [50123, 443]]);
    const listening = await rows("tcp", "--state", "listening");
    assert.deepEqual(
      listening.map((r) => r.family),
      [...wineExpected.listen.map(() => AF_INET), 23, 23, 23],
    );
    assert.deepEqual(
      (await rows("tcp", "--pid", String(WINE_PID))).map((r) => r.family),
      [...wineExpected.listen, ...wineExpected.established].map(() => AF_INET),
    );
  });
});

Deno.test("--sort across families: IPv4 before IPv6, each in numeric order; pid ties by endpoint", async () => {
  await withTempDir(async (dir) => {
    const path = await writeCapture(dir, merged({}));
    const sorted = (...args: string[]) =>
      runCli([...args, "--json", "--capture", path]).then((result) =>
        json<{ family: number; localAddr: string; localPort: number; owningPid: number }>(
          result,
        )
      );
    const tcp = await sorted("tcp", "--sort");
    const firstIpv6 = tcp.findIndex((row) => row.family === AF_INET6);
    assert.ok(firstIpv6 > 0);
    assert.ok(tcp.slice(firstIpv6).every((row) => row.family === AF_INET6));
    assert.deepEqual(tcp.slice(firstIpv6).map((row) => `${row.localAddr} ${row.localPort}`), [
      ":: 443",
      "::1 5432",
      "::1 65535",
      "::ffff:192.0.2.1 8080",
      "2001:db8::1:0:0:1 1",
      "2001:db8:0:1::23 50123",
      "fe80::1 5355",
      "fe80::1c2d:3e4f:5a6b:7c8d 50124",
    ]);
    const udp = await sorted("udp", "--sort");
    assert.deepEqual(udp.map((row) => `${row.localAddr} ${row.localPort}`), [
      "0.0.0.0 53",
      "10.0.0.2 443",
      "127.0.0.1 65535",
      "192.168.1.23 5353",
      ":: 5353",
      "::1 53",
      "::ffff:192.0.2.1 443",
      "2001:db8:: 65535",
      "fe80::a00:27ff:fe4e:66a1 546",
    ]);
    const byPid = await sorted("udp", "--sort", "pid");
    assert.deepEqual(byPid.map((row) => [row.owningPid, row.family]), [
      [4, AF_INET],
      [1300, AF_INET6],
      [1800, AF_INET],
      [1800, AF_INET6],
      [2112, AF_INET],
      [2112, AF_INET6],
      [7788, AF_INET],
      [7788, AF_INET6],
      [4294967295, AF_INET6],
    ]);
    const tcpByPid = await sorted("tcp", "--sort", "pid");
    assert.deepEqual(
      tcpByPid.map((row) => row.owningPid),
      tcp.map((row) => row.owningPid).toSorted((a, b) => a - b),
    );
  });
});

// --- owner modules -----------------------------------------------------------------

Deno.test("--owner on Wine: the IPv6 and UDP lookups are missing, so one note naming them, empty names", async () => {
  const udp = await runCli(["udp", "--owner", "--capture", winePath]);
  assert.deepEqual(notes(udp), [
    `iphlpapi: module names hidden for ${wineUdp.length} rows: not supported by this ` +
    "iphlpapi.dll (it lacks GetOwnerModuleFromUdpEntry and GetOwnerModuleFromUdp6Entry)",
  ]);
  assert.deepEqual(table(udp).header.slice(-4), ["PID", "Process", "Module", "Path"]);
  const tcp6 = await runCli(["tcp", "--owner", "-6", "--capture", winePath]);
  assert.deepEqual(notes(tcp6), [
    "iphlpapi: module names hidden for 4 rows: not supported by this iphlpapi.dll " +
    "(it lacks GetOwnerModuleFromTcp6Entry)",
  ]);
  const rows = json(await runCli(["udp", "--owner", "--json", "--capture", winePath]));
  assert.equal(rows.length, wineUdp.length);
  for (const row of rows) {
    assert.equal(row.moduleName, null);
    assert.equal(row.modulePath, null);
    assert.equal(row.processName, WINE_PROCESS);
    assert.match(row.createTimestamp as string, /^-?\d+$/, "bigint as a decimal string");
    assert.equal(typeof row.specificPortBind, "boolean");
  }
});

Deno.test("--owner for IPv6 TCP and UDP: GetOwnerModuleFromTcp6Entry and Udp6Entry name the modules", async () => {
  const headerBuilt = mingwConnections as Capture;
  const tcp6 = decodeTcp6TableOwnerModule(
    capturedBytes(headerBuilt, "GetExtendedTcpTable", AF_INET6, 8),
  );
  const udp6 = decodeUdp6TableOwnerModule(
    capturedBytes(headerBuilt, "GetExtendedUdpTable", AF_INET6, 2),
  );
  const lookup = (fn: CapturedFunction, row: Uint8Array, name: string): CapturedCall => ({
    function: fn,
    args: { row: bytesToBase64(row) },
    status: 0,
    address: "0x10000",
    data: bytesToBase64(
      encodeOwnerModuleBasicInfo({ moduleName: name, modulePath: `C:\\bin\\${name}` }, 0x10000n),
    ),
  });
  const listener = tcp6.find((row) => row.localPort === 5355)!;
  const dns = udp6.find((row) => row.localPort === 53)!;
  await withTempDir(async (dir) => {
    const path = await writeCapture(
      dir,
      merged({}, [
        lookup("GetOwnerModuleFromTcp6Entry", encodeTcp6RowOwnerModule(listener), "llmnr.exe"),
        lookup("GetOwnerModuleFromUdp6Entry", encodeUdp6RowOwnerModule(dns), "dns.exe"),
      ]),
    );
    const tcp = await runCli(["tcp", "--owner", "-6", "--port", "5355", "--capture", path]);
    assert.deepEqual(notes(tcp), []);
    assert.deepEqual(table(tcp).rows.map((cells) => cells.slice(-2)), [
      ["llmnr.exe", "C:\\bin\\llmnr.exe"],
    ]);
    const udp = json(await runCli(["udp", "--owner", "-6", "--json", "--capture", path]));
    assert.deepEqual(udp.map((row) => row.moduleName), [null, "dns.exe", null, null, null]);
    assert.equal(udp[1]!.modulePath, "C:\\bin\\dns.exe");
    // The other rows' lookups find nothing: Windows' answer for a closed socket.
    const note = notes(await runCli(["udp", "--owner", "-6", "--capture", path]));
    assert.deepEqual(note, [
      "iphlpapi: module names hidden for 4 rows: " +
      "the socket or its process ended before its module was read",
    ]);
  });
});

// --- watch and help ----------------------------------------------------------------

Deno.test(
  "udp --watch: refreshes the UDP table until SIGINT, then exits 0",
  { ignore: windows },
  async () => {
    const { code, stdout: text } = await watchCli(
      ["udp", "--watch", "0.1", "--capture", winePath],
      2,
    );
    assert.equal(code, 0);
    const frames = text.trimEnd().split("\n\n").filter((part) => part.startsWith("iphlpapi udp"));
    assert.ok(frames.length >= 2);
    assert.match(frames[1]!, new RegExp(`rows ${wineUdp.length}, new 0, changed 0, closed 0;`));
    assert.match(text, /\n {3}UDP {4}\[::1\]:5354 +\*:\* +288 +deno\.exe\n/);
  },
);

Deno.test("help: udp and tcp document the families, the Process column and what udp lacks", async () => {
  const udp = await runCli(["udp", "--help"]);
  assert.equal(udp.code, 0);
  for (const text of ["-4, --ipv4", "-6, --ipv6", "--family", "--owner", "*:*", "Process"]) {
    assert.ok(udp.stdout.includes(text), text);
  }
  assert.ok(!udp.stdout.includes("--state"));
  assert.equal((await runCli(["help", "udp"])).stdout, udp.stdout);
  const tcp = (await runCli(["tcp", "--help"])).stdout;
  for (const text of ["-4, --ipv4", "[fe80::1%12]:80", "[::]:0", "GetTcp6Table2", "Process"]) {
    assert.ok(tcp.includes(text), text);
  }
  assert.match((await runCli(["--help"])).stdout, /^ {2}udp {10}the UDP endpoints/m);
});
