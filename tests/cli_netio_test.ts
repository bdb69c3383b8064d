// The addresses, routes, neighbors, interfaces and stats commands, run as a
// subprocess on the embedded sample and on the Wine 10 capture, their JSON
// checked against what the library reads from the same capture; and the
// --watch rates, as a unit and end to end.
import assert from "node:assert/strict";
import {
  getIfTable2,
  getInterfaceNames,
  getIpForwardTable2,
  getIpInterfaceTable,
  getIpNetTable2,
  getTcpStatistics,
  getUdpStatistics,
  getUnicastIpAddressTable,
  type IpHelperSymbols,
  withInterfaceNames,
} from "../mod.ts";
import { type Capture, createMock, parseCapture } from "../mock/mod.ts";
import { lifetimeText } from "../cli/_addresses.ts";
import { perSecond, ratesSince, si } from "../cli/_rate.ts";
import { embeddedSample } from "../cli/_sample.ts";
import wine from "../cli/sample/wine10.capture.json" with { type: "json" };
import {
  assertUsageErrors,
  json,
  NO_STACK,
  notes,
  parseCsv,
  runCli,
  runWine,
  tableRows,
  watchCli,
  windows,
  winePath,
} from "./_cli.ts";

/** `value` as the tool's JSON holds it: bigints as decimal strings. */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_, v) => typeof v === "bigint" ? v.toString() : v));

/** The embedded sample, read through the library: what the tool must agree with. */
const sample: IpHelperSymbols = createMock(embeddedSample()).symbols;
const names = getInterfaceNames({ symbols: sample });
const aliasOf = (index: number) => names.byIndex.get(index)!.alias;

/** The Wine capture with GetIfTable2 failing, written to a temporary file. */
async function wineWithoutIfTable2(): Promise<string> {
  const capture = structuredClone(wine) as Capture;
  capture.calls = capture.calls.map((call) =>
    call.function === "GetIfTable2" ? { function: "GetIfTable2", args: {}, status: 50 } : call
  );
  parseCapture(capture); // Still a valid capture.
  const path = await Deno.makeTempFile({ suffix: ".capture.json" });
  await Deno.writeTextFile(path, JSON.stringify(capture));
  return path;
}

// --- Every command, every format ----------------------------------------------

/** Each command and where its JSON rows keep their address family (stats: none). */
const FAMILY_OF: Record<string, ((row: Record<string, unknown>) => unknown) | undefined> = {
  addresses: (row) => (row.address as { family: number }).family,
  routes: (row) => (row.destinationPrefix as { prefix: { family: number } }).prefix.family,
  neighbors: (row) => (row.address as { family: number }).family,
  interfaces: (row) => row.family,
  stats: undefined,
};

Deno.test("every command on the embedded sample: table, --json and --csv agree; --family filters", {
  ignore: windows,
}, async () => {
  for (const [command, familyOf] of Object.entries(FAMILY_OF)) {
    const table = await runCli([command]);
    assert.equal(table.code, 0, `${command}: ${table.stderr}`);
    assert.deepEqual(notes(table), [], `${command}: the sample answers every table`);
    const [header, ...lines] = tableRows(table.stdout);
    const rows = json(await runCli([command, "--json"]));
    const csv = await runCli([command, "--csv"]);
    assert.equal(csv.code, 0, csv.stderr);
    const [csvHeader, ...records] = parseCsv(csv.stdout);
    assert.deepEqual(csvHeader, header, command);
    assert.ok(rows.length >= 4, `${command}: ${rows.length} rows`);
    assert.equal(lines.length, rows.length, command);
    assert.equal(records.length, rows.length, command);
    if (familyOf === undefined) continue; // stats: --family picks columns (tested below).
    const [ipv4, ipv6] = await Promise.all(
      ["ipv4", "ipv6"].map(async (family) =>
        json(await runCli([command, "--json", "--family", family]))
      ),
    );
    assert.deepEqual(ipv4, rows.filter((row) => familyOf(row) === 2), command);
    assert.deepEqual(ipv6, rows.filter((row) => familyOf(row) === 23), command);
    assert.ok(ipv4!.length > 0 && ipv6!.length > 0, command);
  }
});

// --- addresses ---------------------------------------------------------------

Deno.test("addresses: GetUnicastIpAddressTable's rows with names, origins, lifetimes, DAD state", {
  ignore: windows,
}, async () => {
  const expected = withInterfaceNames(getUnicastIpAddressTable({ symbols: sample }), names);
  const rows = json(await runCli(["addresses", "--json"]));
  assert.deepEqual(
    rows.map(({ prefixOriginName: _p, suffixOriginName: _s, dadStateName: _d, ...row }) => row),
    plain(expected),
  );
  assert.deepEqual(
    rows.map((row) => [row.prefixOriginName, row.suffixOriginName, row.dadStateName]),
    [
      ["WellKnown", "WellKnown", "Preferred"],
      ["Dhcp", "Dhcp", "Preferred"],
      ["WellKnown", "LinkLayerAddress", "Preferred"],
      ["RouterAdvertisement", "Random", "Tentative"],
      ["WellKnown", "WellKnown", "Deprecated"],
    ],
  );
  const [header, ...lines] = tableRows((await runCli(["addresses"])).stdout);
  assert.deepEqual(header, [
    "Interface",
    "Address",
    "Family",
    "Prefix Origin",
    "Suffix Origin",
    "Valid",
    "Preferred",
    "DAD State",
  ]);
  const ethernet = aliasOf(12);
  assert.deepEqual(lines[1], [
    ethernet,
    "192.168.1.23/24",
    "IPv4",
    "Dhcp",
    "Dhcp",
    "1d",
    "12h",
    "Preferred",
  ]);
  assert.deepEqual(lines[2], [
    ethernet,
    "fe80::215:5dff:fe01:203%12/64",
    "IPv6",
    "WellKnown",
    "LinkLayerAddress",
    "infinite",
    "infinite",
    "Preferred",
  ]);
  assert.deepEqual(lines[3]!.slice(1), [
    "2001:db8::1:0:0:1/64", // No zone: none shown.
    "IPv6",
    "RouterAdvertisement",
    "Random",
    "30d",
    "7d",
    "Tentative",
  ]);
});

Deno.test("lifetimes: infinite, or days, hours, minutes and seconds that are not zero", () => {
  assert.equal(lifetimeText(0xffffffff), "infinite");
  assert.equal(lifetimeText(0), "0s");
  assert.equal(lifetimeText(60000), "16h 40m");
  assert.equal(lifetimeText(90061), "1d 1h 1m 1s");
  assert.equal(lifetimeText(0xfffffffe), "49710d 6h 28m 14s");
});

Deno.test("--interface: by alias in any case or by index, on every interface table", async () => {
  for (const command of ["addresses", "routes", "neighbors", "interfaces"]) {
    const all = json(await runWine(command, "--json"));
    const byAlias = json(await runWine(command, "--json", "--interface", "ETH0"));
    assert.ok(byAlias.length > 0 && byAlias.length < all.length, command);
    assert.deepEqual(byAlias, all.filter((row) => (row.interfaceAlias ?? row.alias) === "eth0"));
    assert.deepEqual(json(await runWine(command, "--json", "--interface", "4")), byAlias, command);
    assert.deepEqual(json(await runWine(command, "--json", "--interface", "eth9")), [], command);
  }
});

// --- routes ------------------------------------------------------------------

Deno.test("routes: destination, on-link next hops, metric and effective metric, protocol names", {
  ignore: windows,
}, async () => {
  const routes = withInterfaceNames(getIpForwardTable2({ symbols: sample }), names);
  const interfaces = getIpInterfaceTable({ symbols: sample });
  const rows = json(await runCli(["routes", "--json"]));
  assert.deepEqual(
    rows.map(({ protocolName: _p, interfaceMetric: _i, effectiveMetric: _e, ...row }) => row),
    plain(routes),
  );
  routes.forEach((route, i) => {
    const family = route.destinationPrefix.prefix.family;
    const { metric } = interfaces.find((row) =>
      row.family === family && row.interfaceLuid === route.interfaceLuid
    )!;
    assert.equal(rows[i]!.interfaceMetric, metric);
    assert.equal(rows[i]!.effectiveMetric, route.metric + metric);
  });
  assert.deepEqual(rows.map((row) => row.protocolName), [
    "NetMgmt",
    "Local",
    "Local",
    "NtAutostatic",
    "NtStaticNonDod",
  ]);
  const [header, ...lines] = tableRows((await runCli(["routes"])).stdout);
  assert.deepEqual(header, [
    "Destination",
    "Next Hop",
    "Interface",
    "Metric",
    "Effective",
    "Protocol",
  ]);
  const ethernet = aliasOf(12);
  assert.deepEqual(lines, [
    ["0.0.0.0/0", "192.168.1.1", ethernet, "0", "25", "NetMgmt"],
    ["192.168.1.0/24", "on-link", ethernet, "256", "281", "Local"],
    ["127.0.0.1/32", "on-link", aliasOf(1), "256", "331", "Local"],
    ["::/0", "fe80::1%12", ethernet, "0", "25", "NtAutostatic"],
    ["2001:db8:0:1::/64", "on-link", ethernet, "256", "281", "NtStaticNonDod"],
  ]);
});

Deno.test("routes on Wine: GetIpInterfaceTable is missing, so no effective metric and one note", async () => {
  const table = await runWine("routes");
  assert.equal(table.code, 0, table.stderr);
  assert.deepEqual(notes(table), [
    "iphlpapi: effective metrics not shown: GetIpInterfaceTable failed: ERROR_NOT_SUPPORTED (50)",
  ]);
  const lines = tableRows(table.stdout).slice(1);
  assert.equal(lines.length, 10);
  assert.deepEqual(lines[0], ["0.0.0.0/0", "192.0.2.1", "eth0", "0", "NetMgmt"]);
  const rows = json(await runWine("routes", "--json"));
  assert.ok(rows.every((row) => row.effectiveMetric === null && row.interfaceMetric === null));
});

// --- neighbors ---------------------------------------------------------------

Deno.test("neighbors on the embedded sample: every family, any --family, 20-byte addresses", {
  ignore: windows,
}, async () => {
  const expected = withInterfaceNames(getIpNetTable2({ symbols: sample }), names);
  const rows = json(await runCli(["neighbors", "--json"]));
  assert.deepEqual(rows.map(({ stateName: _, ...row }) => row), plain(expected));
  assert.deepEqual(
    rows.map((row) => row.stateName),
    ["Reachable", "Permanent", "Stale", "Unreachable", "Probe"],
  );
  // The sample's Wine layer fails GetIpNetTable2 for IPv6: the tool reads every family at once.
  const ipv6 = await runCli(["neighbors", "--family", "ipv6"]);
  assert.equal(ipv6.code, 0, ipv6.stderr);
  assert.deepEqual(notes(ipv6), []);
  const [header, ...lines] = tableRows(ipv6.stdout);
  assert.deepEqual(header, ["Interface", "Address", "Physical Address", "State", "Router"]);
  assert.deepEqual(lines[0], [aliasOf(12), "fe80::1%12", "00-15-5d-0a-0b-0c", "Stale", "yes"]);
  assert.equal(lines[1]![2], "80-00-00-48-fe-80-00-00-00-00-00-00-00-02-c9-03-00-0a-bc-de");
});

Deno.test("neighbors on Wine: every family fails, so IPv4 is read alone and IPv6 is a note", async () => {
  const table = await runWine("neighbors");
  assert.equal(table.code, 0, table.stderr);
  assert.deepEqual(notes(table), [
    "iphlpapi: IPv6 neighbours not shown: GetIpNetTable2 failed: ERROR_INVALID_FUNCTION (1)",
  ]);
  const ipv4 = json(await runWine("neighbors", "--json", "--family", "ipv4"));
  assert.equal(ipv4.length, 9);
  assert.deepEqual(json(await runWine("neighbors", "--json")), ipv4);
  assert.deepEqual(tableRows(table.stdout)[1], [
    "eth0",
    "192.0.2.1",
    "02-fc-00-00-00-05",
    "Reachable",
    "no",
  ]);
  // Only IPv6 asked for, and it fails: the error, exit 1.
  const ipv6 = await runWine("neighbors", "--family", "ipv6");
  assert.equal(ipv6.code, 1);
  assert.equal(ipv6.stdout, "");
  assert.equal(notes(ipv6).length, 1, ipv6.stderr);
  assert.match(ipv6.stderr, /GetIpNetTable2 failed: ERROR_INVALID_FUNCTION \(1\)/);
  assert.doesNotMatch(ipv6.stderr, NO_STACK);
});

// --- interface names missing ---------------------------------------------------

Deno.test("GetIfTable2 failing: interfaces shown by index with one note; interfaces itself fails", async () => {
  const path = await wineWithoutIfTable2();
  try {
    for (const command of ["addresses", "routes", "neighbors"]) {
      const table = await runCli([command, "--capture", path]);
      assert.equal(table.code, 0, `${command}: ${table.stderr}`);
      const named = notes(table).filter((line) => line.includes("GetIfTable2"));
      assert.deepEqual(named, [
        "iphlpapi: interface names not shown (indexes are): GetIfTable2 failed: ERROR_NOT_SUPPORTED (50)",
      ]);
      const [header, ...lines] = tableRows(table.stdout);
      const column = header!.indexOf("Interface");
      assert.ok(lines.every((cells) => /^\d+$/.test(cells[column]!)), command);
      const rows = json(await runCli([command, "--json", "--capture", path]));
      assert.ok(rows.every((row) => row.interfaceAlias === null), command);
    }
    const interfaces = await runCli(["interfaces", "--capture", path]);
    assert.equal(interfaces.code, 1);
    assert.match(interfaces.stderr, /GetIfTable2 failed: ERROR_NOT_SUPPORTED \(50\)/);
  } finally {
    await Deno.remove(path);
  }
});

// --- interfaces --------------------------------------------------------------

Deno.test("interfaces on the embedded sample: GetIfTable2 joined to each family's IP interface", {
  ignore: windows,
}, async () => {
  const adapters = getIfTable2({ symbols: sample });
  const ip = getIpInterfaceTable({ symbols: sample });
  const rows = json(await runCli(["interfaces", "--json"]));
  assert.equal(rows.length, ip.length);
  rows.forEach((row, i) => {
    const adapter = adapters.find((a) => a.interfaceLuid === ip[i]!.interfaceLuid)!;
    assert.deepEqual(
      row,
      plain({ ...adapter, typeName: row.typeName, operStatusName: "Up", ...ip[i] }),
    );
  });
  assert.deepEqual(rows.map((row) => row.typeName), [
    "softwareLoopback",
    "ethernetCsmacd",
    "softwareLoopback",
    "ethernetCsmacd",
  ]);
  const [header, ...lines] = tableRows((await runCli(["interfaces", "--family", "ipv6"])).stdout);
  assert.deepEqual(header, [
    "Index",
    "Interface",
    "Family",
    "Type",
    "Status",
    "Speed",
    "MAC",
    "Metric",
    "MTU",
    "Forwarding",
    "In Bytes",
    "Out Bytes",
    "In Packets",
    "Out Packets",
    "Description",
  ]);
  assert.equal(lines.length, 2);
  const ethernet = lines[1]!;
  assert.deepEqual(ethernet.slice(0, 14), [
    "12",
    aliasOf(12),
    "IPv6",
    "ethernetCsmacd",
    "Up",
    "in 2.5 Gbps / out 1 Gbps",
    "00-15-5d-01-02-03",
    "25",
    "1500",
    "yes",
    "4886718345",
    "48867183459",
    "9773436691",
    "53753901805",
  ]);
  // The loopback has no MAC: its row has one cell fewer once blanks are gone.
  assert.deepEqual(lines[0]!.slice(0, 6), [
    "1",
    aliasOf(1),
    "IPv6",
    "softwareLoopback",
    "Up",
    "1.07 Gbps",
  ]);
});

Deno.test("interfaces on Wine: GetIpInterfaceTable is missing, so every adapter once and a note", async () => {
  const table = await runWine("interfaces");
  assert.equal(table.code, 0, table.stderr);
  assert.deepEqual(notes(table), [
    "iphlpapi: per-family columns not shown: GetIpInterfaceTable failed: ERROR_NOT_SUPPORTED (50)",
  ]);
  const [, ...lines] = tableRows(table.stdout);
  assert.deepEqual(lines.map((cells) => cells.slice(0, 2)), [
    ["1", "lo"],
    ["2", "ifb0"],
    ["3", "ifb1"],
    ["4", "eth0"],
  ]);
  assert.deepEqual(lines[3], [
    "4",
    "eth0",
    "ethernetCsmacd",
    "Up",
    "1 Mbps",
    "02-fc-00-00-00-01",
    "1400",
    "593365420",
    "862604",
    "15384",
    "11701",
    "eth0",
  ]);
  const expected = getIfTable2({ symbols: createMock(parseCapture(wine)).symbols });
  const rows = json(await runWine("interfaces", "--json"));
  assert.deepEqual(
    rows.map(({ typeName: _t, operStatusName: _o, ...row }) => row),
    plain(expected),
  );
  assert.ok(rows.every((row) => row.family === undefined));
  // --family cannot be applied: the same rows, and the note says so.
  const ipv6 = await runWine("interfaces", "--family", "ipv6");
  assert.equal(ipv6.stdout, table.stdout);
  assert.deepEqual(notes(ipv6), [
    "iphlpapi: per-family columns not shown, --family ipv6 not applied: " +
    "GetIpInterfaceTable failed: ERROR_NOT_SUPPORTED (50)",
  ]);
});

// --- stats -------------------------------------------------------------------

Deno.test("stats: TCP then UDP, a column per family, the RTO algorithm by name", {
  ignore: windows,
}, async () => {
  const tcp = ["ipv4", "ipv6"].map((family) =>
    getTcpStatistics({ family: family as "ipv4" | "ipv6", symbols: sample })
  );
  const udp = ["ipv4", "ipv6"].map((family) =>
    getUdpStatistics({ family: family as "ipv4" | "ipv6", symbols: sample })
  );
  const rows = json(await runCli(["stats", "--json"]));
  assert.deepEqual(
    rows,
    plain([
      ...Object.keys(tcp[0]!).map((key) => ({
        protocol: "TCP",
        statistic: key,
        ipv4: tcp[0]![key as keyof typeof tcp[0]],
        ipv6: tcp[1]![key as keyof typeof tcp[1]],
      })),
      ...Object.keys(udp[0]!).map((key) => ({
        protocol: "UDP",
        statistic: key,
        ipv4: udp[0]![key as keyof typeof udp[0]],
        ipv6: udp[1]![key as keyof typeof udp[1]],
      })),
    ]),
  );
  assert.equal(rows.find((row) => row.statistic === "outSegs")!.ipv6, "18446744073709551615");
  const lines = tableRows((await runCli(["stats"])).stdout);
  assert.deepEqual(lines[0], ["Protocol", "Statistic", "IPv4", "IPv6"]);
  assert.deepEqual(lines[1], ["TCP", "RTO Algorithm", "Vanj", "Constant"]);
  assert.deepEqual(lines[4], ["TCP", "Max Connections", "dynamic", "65536"]);
  assert.deepEqual(lines[10], ["TCP", "Segments Received", "4294967301", "4294967295"]);
  assert.deepEqual(lines[16], ["UDP", "Datagrams Received", "12884901889", "0"]);
  const ipv6 = parseCsv((await runCli(["stats", "--csv", "--family", "ipv6"])).stdout);
  assert.deepEqual(ipv6[0], ["Protocol", "Statistic", "IPv6"]);
  assert.deepEqual(ipv6[1], ["TCP", "RTO Algorithm", "Constant"]);
  assert.deepEqual(
    json(await runCli(["stats", "--json", "--family", "ipv4"])),
    rows.map(({ ipv6: _, ...row }) => row),
  );
});

Deno.test("stats on Wine: the 32-bit forms stand in for the missing Ex2 functions", async () => {
  const result = await runWine("stats");
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(notes(result), []);
  const lines = tableRows(result.stdout);
  assert.deepEqual(lines[1], ["TCP", "RTO Algorithm", "Other", "Other"]);
  assert.deepEqual(lines[10], ["TCP", "Segments Received", "14929", "14929"]);
});

// --- --watch rates -------------------------------------------------------------

Deno.test("rates: per second since the same owner's last reading; none first, for new rows or resets", () => {
  assert.equal(perSecond(100n, 1100n, 2), 500);
  assert.equal(perSecond(100n, 100n, 2), 0);
  assert.equal(perSecond(100n, 99n, 2), undefined, "a counter that went back");
  assert.equal(perSecond(0n, 10n, 0), undefined, "no time passed");
  const owner = {};
  const first = ratesSince(owner, new Map([["a", [100n, 5n]]]), 1000);
  assert.deepEqual([...first], [["a", [undefined, undefined]]]);
  const second = ratesSince(owner, new Map([["a", [300n, 4n]], ["b", [7n]]]), 3000);
  assert.deepEqual([...second], [["a", [100, undefined]], ["b", [undefined]]]);
  // Another owner (another watch) has its own history.
  assert.deepEqual([...ratesSince({}, new Map([["a", [900n, 9n]]]), 4000)], [
    ["a", [undefined, undefined]],
  ]);
  const third = ratesSince(owner, new Map([["a", [300n + 2n ** 40n, 4n]]]), 3500);
  assert.deepEqual([...third], [["a", [2 ** 41, 0]]]);
});

Deno.test("units: three significant digits and an SI prefix", () => {
  assert.equal(si(0, "B/s"), "0 B/s");
  assert.equal(si(12345, "B/s"), "12.3 kB/s");
  assert.equal(si(999_999, "B/s"), "1 MB/s");
  assert.equal(si(1e9, "bps"), "1 Gbps");
  assert.equal(si(2 ** 30, "bps"), "1.07 Gbps");
  assert.equal(si(45, "/s"), "45/s");
  assert.equal(si(1234, "/s"), "1.23k/s");
  assert.equal(si(0.5, "/s"), "0.5/s");
});

/** Runs `args` with --watch 0.1 until three frames began, then SIGINT; returns the frames. */
async function watchFrames(args: string[]): Promise<string[]> {
  const { code, stdout } = await watchCli([...args, "--watch", "0.1"], 3);
  assert.equal(code, 0);
  return stdout.split(/\n(?=iphlpapi )/);
}

Deno.test("--watch: counters are totals at first, then per-second rates; SIGINT exits 0", {
  ignore: windows,
}, async () => {
  const interfaces = await watchFrames(["interfaces", "--capture", winePath]);
  assert.ok(interfaces.length >= 3);
  const eth0 = (frame: string) => frame.split("\n").find((line) => line.includes(" eth0 "))!;
  assert.match(eth0(interfaces[0]!), / 593365420 +862604 +15384 +11701 +eth0$/);
  // The capture never changes: nothing per second.
  assert.match(eth0(interfaces[1]!), /^~ .* 1400 +0 B\/s +0 B\/s +0\/s +0\/s +eth0$/);
  assert.match(interfaces[1]!, /rows 4, new 0, changed 4, closed 0;/);
  const stats = await watchFrames(["stats", "--capture", winePath]);
  const line = (frame: string, label: string) =>
    frame.split("\n").find((l) => l.includes(label))!.trim();
  assert.match(line(stats[0]!, "Segments Received"), /Segments Received +14929 +14929$/);
  assert.match(line(stats[1]!, "Segments Received"), /Segments Received +0\/s +0\/s$/);
  // What is not a counter stays as it is.
  assert.match(line(stats[1]!, "RTO Algorithm"), /^TCP +RTO Algorithm +Other +Other$/);
  assert.match(line(stats[1]!, "Listeners"), /Listeners +0 +3$/);
});

// --- help and usage ------------------------------------------------------------

const REPLACES: Record<string, RegExp> = {
  addresses: /ipconfig/,
  routes: /route print/,
  neighbors: /arp -a/,
  interfaces: /Get-NetAdapter/,
  stats: /netstat -s/,
};

Deno.test("help: the tool lists each command; each command's help names its flags and the tool it replaces", async () => {
  const tool = await runCli(["--help"]);
  assert.equal(tool.code, 0);
  for (const [command, replaces] of Object.entries(REPLACES)) {
    assert.match(tool.stdout, new RegExp(`^  ${command} +\\S.*$`, "m"), command);
    const help = await runCli([command, "--help"]);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, new RegExp(`^Usage: iphlpapi ${command} \\[options\\]$`, "m"));
    assert.match(help.stdout, replaces, command);
    assert.match(help.stdout, /--family F/, command);
    assert.equal(help.stdout.includes("--interface NAME"), command !== "stats", command);
    assert.equal((await runCli(["help", command])).stdout, help.stdout, command);
  }
});

Deno.test("bad usage on the new commands: one line naming the flag, exit 2", async () => {
  const cases: [string[], string][] = [
    [["addresses", "--family", "ipv5"], "--family"],
    [["routes", "--port", "80"], "--port"],
    [["neighbors", "--interface"], "--interface"],
    [["stats", "--interface", "eth0"], "--interface"],
    [["interfaces", "--state", "up"], "--state"],
    [["stats", "--json", "--watch"], "--watch"],
  ];
  await assertUsageErrors(cases);
});
