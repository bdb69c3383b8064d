// The command-line tool, run as a subprocess against the embedded sample and
// against the Wine 10 capture, and checked against what the decoders make of
// the capture's own bytes.
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  AF_INET,
  AF_INET6,
  decodeTcp6Table,
  decodeTcp6Table2,
  decodeTcpTable,
  decodeTcpTable2,
  TcpState,
  tcpStateName,
} from "../mod.ts";
import type { Capture, CapturedFunction } from "../mock/mod.ts";
import { painter } from "../cli/_color.ts";
import { toCsv } from "../cli/_csv.ts";
import { embeddedSample } from "../cli/_sample.ts";
import type { Row } from "../cli/_view.ts";
import { markChanges } from "../cli/_watch.ts";
import wine from "../cli/sample/wine10.capture.json" with { type: "json" };
import wineExpected from "./fixtures/wine10.expected.json" with { type: "json" };
import denoConfig from "../deno.json" with { type: "json" };
import {
  assertUsageErrors,
  capturedBytes,
  cli,
  json,
  NO_STACK,
  parseCsv,
  runCli,
  runWine,
  watchCli,
  windows,
  winePath,
} from "./_cli.ts";

/** The bytes of the Wine capture's successful call of `fn`. */
const wineData = (fn: CapturedFunction) => capturedBytes(wine as Capture, fn);

/** The name the Wine capture records for `pid`'s executable: the file name of its path. */
function processName(pid: number): string {
  const path = (wine as Capture).processes![String(pid)] as string;
  return path.slice(path.lastIndexOf("\\") + 1);
}

/**
 * What tcp --json prints for the Wine capture: the GetTcpTable2 rows, then
 * the GetTcp6Table2 rows, each with its family, state name and process name.
 */
const wineRows = [
  ...decodeTcpTable2(wineData("GetTcpTable2")).map((row) => ({ family: AF_INET, ...row })),
  ...decodeTcp6Table2(wineData("GetTcp6Table2")).map((row) => ({ family: AF_INET6, ...row })),
].map((row) => ({
  ...row,
  stateName: tcpStateName(row.state),
  processName: processName(row.owningPid),
}));
type JsonRow = (typeof wineRows)[number];

/** An endpoint as the table shows it: IPv6 bracketed (the Wine capture has no link-local scope). */
const endpoint = (addr: string, port: number) =>
  addr.includes(":") ? `[${addr}]:${port}` : `${addr}:${port}`;

/** The cells of `row` in the table and the CSV. */
const tcpCells = (row: JsonRow) => [
  "TCP",
  endpoint(row.localAddr, row.localPort),
  endpoint(row.remoteAddr, row.remotePort),
  row.stateName,
  String(row.owningPid),
  row.processName,
  "InHost",
];

/** The columns of `tcp` (GetTcpTable2 and GetTcp6Table2), in every format. */
const TCP2_COLUMNS = [
  "Proto",
  "Local Address",
  "Foreign Address",
  "State",
  "PID",
  "Process",
  "Offload",
];

Deno.test("tcp --json: the Wine capture's GetTcpTable2 then GetTcp6Table2 rows, with family, state and process names", async () => {
  const result = await runWine("tcp", "--json");
  assert.deepEqual(json(result), wineRows);
  assert.ok(wineRows.some((row) => row.family === AF_INET6));
});

Deno.test("tcp: a replayed capture is announced in one stderr line naming the file and producer", async () => {
  const result = await runWine("tcp");
  assert.equal(result.code, 0);
  const lines = result.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0]!, /not live/);
  assert.ok(lines[0]!.includes(winePath));
  assert.ok(lines[0]!.includes((wine as Capture).producer));
});

Deno.test(
  "tcp: by default off Windows the embedded sample is replayed, from any working directory",
  {
    ignore: windows,
  },
  async () => {
    // The fixtures directory as cwd: a read relative to the repository root would fail.
    const result = await runCli(["tcp", "--json"], { cwd: join(import.meta.dirname!, "fixtures") });
    const rows = json(result) as JsonRow[];
    assert.ok(rows.length > 0);
    assert.ok(rows.every((row) => row.stateName === tcpStateName(row.state)));
    const lines = result.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, result.stderr);
    assert.equal(
      lines[0],
      `iphlpapi: not live: replaying the embedded sample (${embeddedSample().producer})`,
    );
  },
);

Deno.test("tcp: the human table has netstat's columns and shows a listener's remote as 0.0.0.0:0 or [::]:0", async () => {
  const result = await runWine("tcp");
  const [header, ...lines] = result.stdout.trimEnd().split("\n");
  assert.deepEqual(header!.split(/\s{2,}/), TCP2_COLUMNS);
  const cells = lines.map((line) => line.trim().split(/\s+/));
  assert.deepEqual(cells, wineRows.map(tcpCells));
  // What Deno reported when the capture was recorded, in netstat's notation.
  const shown = (state: string) => cells.filter((c) => c[3] === state).map((c) => c[1]!).toSorted();
  assert.deepEqual(
    shown("LISTEN"),
    [...wineExpected.listen, ...wineExpected.listen6].toSorted(),
  );
  assert.deepEqual(
    cells.filter((c) => c[3] === "LISTEN").map((c) => c[2]),
    [...wineExpected.listen.map(() => "0.0.0.0:0"), ...wineExpected.listen6.map(() => "[::]:0")],
  );
  assert.deepEqual(
    cells.filter((c) => c[3] === "ESTABLISHED").map((c) => [c[1], c[2]]).toSorted(),
    [...wineExpected.established, ...wineExpected.established6].toSorted(),
  );
});

Deno.test("tcp --state: comma-separated, any case, netstat's LISTENING and PowerShell's names accepted", async () => {
  const listening = json(await runWine("tcp", "--json", "--state", "listening")) as JsonRow[];
  assert.deepEqual(listening, wineRows.filter((row) => row.state === TcpState.LISTEN));
  assert.ok(listening.length > 0);
  const both = json(await runWine("tcp", "--json", "--state", "Listen,ESTABLISHED"));
  assert.deepEqual(both, wineRows);
  assert.ok(listening.some((row) => row.family === AF_INET6), "IPv6 listeners too");
  const none = json(await runWine("tcp", "--json", "--state", "time_wait"));
  assert.deepEqual(none, []);
  const powershell = json(await runWine("tcp", "--json", "--state", "Established,TimeWait"));
  assert.deepEqual(powershell, wineRows.filter((row) => row.state === TcpState.ESTABLISHED));
});

Deno.test("tcp --port: rows with that local or remote port; a listener's remote port never matches", async () => {
  const port = 5432;
  const rows = json(await runWine("tcp", "--json", "--port", String(port)));
  const expected = wineRows.filter((row) =>
    row.localPort === port || (row.state !== TcpState.LISTEN && row.remotePort === port)
  );
  assert.ok(expected.length >= 3);
  assert.deepEqual(rows, expected);
  // Repeated (or comma-separated): rows with any of the ports.
  const any = (ports: number[]) =>
    wineRows.filter((row) =>
      ports.some((p) =>
        row.localPort === p || (row.state !== TcpState.LISTEN && row.remotePort === p)
      )
    );
  const several = json(await runWine("tcp", "--json", "--port", "5432", "--port", "8080"));
  assert.deepEqual(several, any([5432, 8080]));
  assert.ok(any([5432, 8080]).length > expected.length);
  assert.deepEqual(json(await runWine("tcp", "--json", "--port", "5432,8080")), several);
});

Deno.test("tcp --pid: rows of that process only", async () => {
  const pid = wineRows[0]!.owningPid;
  assert.deepEqual(json(await runWine("tcp", "--json", "--pid", String(pid))), wineRows);
  assert.deepEqual(json(await runWine("tcp", "--json", "--pid", String(pid + 1))), []);
});

Deno.test("tcp --sort: by local endpoint, addresses numerically, IPv4 first; --sort pid and state too", async () => {
  const key = (row: JsonRow) =>
    row.localAddr.split(".").reduce((n, part) => n * 256 + Number(part), 0) * 65536 +
    row.localPort;
  const sorted = json(await runWine("tcp", "--json", "--sort")) as JsonRow[];
  assert.equal(sorted.length, wineRows.length);
  const ipv4 = sorted.filter((row) => row.family === AF_INET);
  assert.deepEqual(sorted.slice(0, ipv4.length), ipv4, "IPv4 rows before IPv6 rows");
  assert.deepEqual(ipv4.map(key), ipv4.map(key).toSorted((a, b) => a - b));
  const byState = json(await runWine("tcp", "--json", "--sort", "state")) as JsonRow[];
  assert.deepEqual(byState.map((r) => r.state), byState.map((r) => r.state).toSorted());
  const byPid = json(await runWine("tcp", "--sort", "pid", "--json")) as JsonRow[];
  assert.equal(byPid.length, wineRows.length);
});

Deno.test("tcp --csv: RFC 4180 with the table's columns, read back", async () => {
  const result = await runWine("tcp", "--csv");
  assert.equal(result.code, 0);
  assert.ok(result.stdout.endsWith("\r\n"));
  const [header, ...records] = parseCsv(result.stdout);
  assert.deepEqual(header, TCP2_COLUMNS);
  assert.deepEqual(records, wineRows.map(tcpCells));
});

Deno.test("csv: fields with quotes or commas are quoted, quotes doubled; line breaks escaped", () => {
  const text = toCsv(["a", "b"], [["x,y", 'say "hi"'], ["line\r\nbreak", "plain"]]);
  assert.equal(text, 'a,b\r\n"x,y","say ""hi"""\r\nline\\r\\nbreak,plain\r\n');
  assert.deepEqual(parseCsv(text), [["a", "b"], ["x,y", 'say "hi"'], ["line\\r\\nbreak", "plain"]]);
});

Deno.test("tcp --basic: GetTcpTable's and GetTcp6Table's rows, no PID column", async () => {
  const expected = [
    ...decodeTcpTable(wineData("GetTcpTable")).map((row) => ({ family: AF_INET, ...row })),
    ...decodeTcp6Table(wineData("GetTcp6Table")).map((row) => ({ family: AF_INET6, ...row })),
  ].map((row) => ({ ...row, stateName: tcpStateName(row.state) }));
  assert.deepEqual(json(await runWine("tcp", "--basic", "--json")), expected);
  const table = await runWine("tcp", "--basic");
  assert.deepEqual(table.stdout.split("\n")[0]!.split(/\s{2,}/), [
    "Proto",
    "Local Address",
    "Foreign Address",
    "State",
  ]);
});

Deno.test("tcp --owner on Wine: GetOwnerModuleFromTcp(6)Entry are missing, so one note, empty names, exit 0", async () => {
  const table = await runWine("tcp", "--owner");
  assert.equal(table.code, 0, table.stderr);
  const notes = table.stderr.trimEnd().split("\n").filter((line) => !/not live/.test(line));
  assert.deepEqual(notes, [
    `iphlpapi: module names hidden for ${wineRows.length} rows: ` +
    "not supported by this iphlpapi.dll " +
    "(it lacks GetOwnerModuleFromTcpEntry and GetOwnerModuleFromTcp6Entry)",
  ]);
  assert.doesNotMatch(table.stderr, NO_STACK);
  const [header, ...lines] = table.stdout.trimEnd().split("\n");
  assert.match(header!, /PID\s+Process\s+Module\s+Path$/);
  assert.equal(lines.length, wineRows.length);
  const rows = json(await runWine("tcp", "--owner", "--json")) as Record<string, unknown>[];
  assert.equal(rows.length, wineRows.length);
  for (const row of rows) {
    assert.equal(row.moduleName, null);
    assert.equal(row.modulePath, null);
    assert.match(row.createTimestamp as string, /^\d+$/, "bigint as a decimal string");
  }
});

Deno.test("tcp --owner on the embedded sample: module names shown, hidden ones noted once", {
  ignore: windows,
}, async () => {
  const result = await runCli(["tcp", "--owner", "--json"]);
  const rows = json(result) as { moduleName: string | null; modulePath: string | null }[];
  assert.ok(rows.some((row) => typeof row.moduleName === "string" && row.moduleName !== ""));
  const hidden = rows.filter((row) => row.moduleName === null).length;
  const notes = result.stderr.split("\n").filter((line) => line.includes("module names hidden"));
  assert.equal(notes.length, hidden > 0 ? 1 : 0, result.stderr);
  assert.doesNotMatch(result.stderr, NO_STACK);
});

Deno.test("interfaces and anycast on the embedded sample: rows, --family, bigints as strings", {
  ignore: windows,
}, async () => {
  const all = json(await runCli(["interfaces", "--json"])) as Record<string, unknown>[];
  assert.ok(all.length > 0);
  assert.ok(all.every((row) => /^\d+$/.test(row.interfaceLuid as string)));
  const ipv4 = json(await runCli(["interfaces", "--json", "--family", "ipv4"])) as {
    family: number;
  }[];
  assert.ok(ipv4.every((row) => row.family === 2));
  const table = await runCli(["interfaces"]);
  assert.match(table.stdout.split("\n")[0]!, /^Index\s+Interface\s+Family\s+Type/);
  const anycast = json(await runCli(["anycast", "--json", "--family", "ipv6"])) as {
    address: { family: number };
  }[];
  assert.ok(anycast.every((row) => row.address.family === 23));
  assert.equal((await runCli(["anycast"])).code, 0);
});

Deno.test("anycast on Wine: no anycast addresses, just the header", async () => {
  const result = await runWine("anycast");
  assert.equal(result.code, 0);
  assert.equal(result.stdout, "Address  Family  Index  LUID  Scope ID\n");
});

Deno.test("bad usage: one line naming the flag, exit 2, no stack trace", async () => {
  const cases: [string[], string][] = [
    [["tcp", "--bogus"], "--bogus"],
    [["tcp", "--port", "http"], "--port"],
    [["tcp", "--port", "70000"], "--port"],
    [["tcp", "--port"], "--port"],
    [["tcp", "--pid", "-1"], "--pid"],
    [["tcp", "--state", "LISTENS"], "--state"],
    [["tcp", "--sort", "size"], "--sort"],
    [["tcp", "--watch", "0"], "--watch"],
    [["tcp", "--watch", "0.05"], "--watch"],
    [["tcp", "--watch", "86401"], "--watch"],
    [["tcp", "--watch", "99999999999"], "--watch"],
    [["tcp", "--color", "sometimes"], "--color"],
    [["tcp", "--port", "80", "--port", "x"], "--port"],
    [["tcp", "--state", "Bound"], "Bound"],
    [["capture", "--color"], "--color"],
    [["help", "netstat"], "netstat"],
    [["help", "tcp", "interfaces"], "interfaces"],
    [["help", "--json"], "--json"],
    [["tcp", "--json", "--csv"], "--csv"],
    [["tcp", "--basic", "--pid", "4"], "--pid"],
    [["tcp", "--json=yes"], "--json"],
    [["interfaces", "--family", "ipv5"], "--family"],
    [["anycast", "--port", "80"], "--port"],
    [["capture", "--json"], "--json"],
    [["netstat"], "netstat"],
    [[], "missing command"],
  ];
  await assertUsageErrors(cases);
});

Deno.test("--help and -h: for the tool and each command, exit 0", async () => {
  for (
    const args of [
      ["--help"],
      ["-h"],
      ...["tcp", "interfaces", "anycast", "capture"].map((c) => [c, "--help"]),
    ]
  ) {
    const result = await runCli(args);
    assert.equal(result.code, 0, args.join(" "));
    assert.match(result.stdout, /Usage: iphlpapi/);
    assert.equal(result.stderr, "");
  }
  assert.match((await runCli(["tcp", "-h"])).stdout, /--owner/);
  // help <command> is <command> --help.
  for (const command of ["tcp", "interfaces", "anycast", "capture"]) {
    const help = await runCli(["help", command]);
    assert.equal(help.code, 0, help.stderr);
    assert.equal(help.stdout, (await runCli([command, "--help"])).stdout);
  }
  assert.equal((await runCli(["help"])).stdout, (await runCli(["--help"])).stdout);
});

Deno.test("--version: the name and deno.json's version, exit 0", async () => {
  const result = await runCli(["--version"]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, `iphlpapi ${denoConfig.version}\n`);
  assert.equal(result.stderr, "");
  assert.equal((await runCli(["tcp", "--version"])).stdout, result.stdout);
});

Deno.test("colour: never when stdout is not a terminal, with or without NO_COLOR", async () => {
  const envs: Record<string, string>[] = [{ NO_COLOR: "1" }, {}];
  for (const env of envs) {
    // IPv6 neighbours fail on the Wine capture: that error must be plain too.
    const failing = ["neighbors", "--family", "ipv6"];
    for (const args of [["tcp"], ["tcp", "--owner"], ["tcp", "--csv"], ["interfaces"], failing]) {
      const result = await runCli([...args, "--capture", winePath], { env });
      assert.equal(result.code, args === failing ? 1 : 0, result.stderr);
      assert.ok(!result.stdout.includes("\x1b["), `${args.join(" ")} has ANSI escapes`);
      assert.ok(!result.stderr.includes("\x1b["), `${args.join(" ")} has ANSI escapes`);
    }
  }
});

Deno.test("colour: the painter styles text only when enabled", () => {
  assert.equal(painter(true)("green", "ESTABLISHED"), "\x1b[32mESTABLISHED\x1b[39m");
  assert.equal(painter(true)(undefined, "x"), "x");
  assert.equal(painter(false)("green", "ESTABLISHED"), "ESTABLISHED");
});

Deno.test("capture off Windows: one line, exit 1", { ignore: windows }, async () => {
  const result = await runCli(["capture", "--output", "never-written.json"]);
  assert.equal(result.code, 1);
  assert.equal(
    result.stderr,
    "iphlpapi: capture records the live iphlpapi.dll, so it runs only on Windows (this is " +
      Deno.build.os + ")\n",
  );
});

Deno.test("--capture: a missing file or a non-capture is one line, exit 1", async () => {
  const missing = await runCli(["tcp", "--capture", join(import.meta.dirname!, "no-such.json")]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^iphlpapi: cannot read the capture .*no-such\.json: .+\n$/);
  const notCapture = await runCli([
    "tcp",
    "--capture",
    join(import.meta.dirname!, "..", "deno.json"),
  ]);
  assert.equal(notCapture.code, 1);
  assert.match(notCapture.stderr, /^iphlpapi: CaptureError: .*deno\.json: capture\b.+\n$/);
});

Deno.test("--watch: refreshes until SIGINT, then exits 0", { ignore: windows }, async () => {
  const { code, stdout: text } = await watchCli(
    ["tcp", "--watch", "0.1", "--capture", winePath],
    3,
  );
  assert.equal(code, 0);
  assert.ok(!text.includes("\x1b["), "no terminal control codes on a pipe");
  const frames = text.trimEnd().split("\n\n").filter((part) => part.startsWith("iphlpapi tcp"));
  assert.ok(frames.length >= 3);
  assert.match(
    frames[1]!,
    new RegExp(
      `replay of .*wine10\\.capture\\.json\\) at [\\d:]{8}: rows ${wineRows.length}, new 0, changed 0, closed 0;`,
    ),
  );
  assert.match(text, /\n {3}TCP {4}0\.0\.0\.0:8080 /, "unchanged rows are marked with a blank");
});

Deno.test("watch marks: + new, ~ changed, - closed; nothing on the first refresh", () => {
  const row = (key: string, state: string): Row => ({ key, cells: [{ text: state }], data: null });
  const before = [row("a", "ESTABLISHED"), row("b", "ESTABLISHED"), row("c", "LISTEN")];
  const after = [row("a", "ESTABLISHED"), row("b", "TIME_WAIT"), row("d", "SYN_SENT")];
  assert.deepEqual(markChanges(undefined, before).map((m) => m.mark), [" ", " ", " "]);
  assert.deepEqual(
    markChanges(before, after).map((m) => `${m.mark}${m.row.key}`),
    [" a", "~b", "+d", "-c"],
  );
});

Deno.test(
  "a missing permission is one line naming the flag, exit 1",
  { ignore: windows },
  async () => {
    // The embedded sample's interface table is handed out by pointer: that needs --allow-ffi.
    const { code, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["run", cli, "interfaces"],
      stdin: "null",
      stdout: "null",
    }).output();
    assert.equal(code, 1);
    const lines = new TextDecoder().decode(stderr).trimEnd().split("\n");
    assert.equal(lines.length, 2, "the replay notice and the error");
    assert.match(lines[1]!, /^iphlpapi: .*--allow-ffi/);
  },
);
