// The command-line tool in a hostile environment: a reader that closes the
// pipe, a full disk, captures whose module names, paths and producer carry
// control characters, formulas or 50,000 characters, capture files that are
// devices, huge, UTF-16 or not JSON, and arguments with escape sequences.
import assert from "node:assert/strict";
import { join } from "node:path";
import { IpHelperError } from "../mod.ts";
import {
  bytesToBase64,
  type Capture,
  encodeOwnerModuleBasicInfo,
  encodeTcp6Table2,
  encodeTcp6TableOwnerModule,
  encodeTcpTable2,
} from "../mock/mod.ts";
import { parseCommandLine, type TableInvocation } from "../cli/_args.ts";
import type { TcpArgs } from "../cli/_tcp.ts";
import { colorWanted, painter } from "../cli/_color.ts";
import { toCsv } from "../cli/_csv.ts";
import { CliError, failureOf, OutputClosed, UsageError } from "../cli/_errors.ts";
import { toJson } from "../cli/_json.ts";
import { MAX_CAPTURE_BYTES, readCaptureText } from "../cli/_source.ts";
import { renderTable } from "../cli/_table.ts";
import { escapeControls, truncate } from "../cli/_text.ts";
import { MAX_CELL_WIDTH } from "../cli/_view.ts";
import mingw from "../cli/sample/mingw.capture.json" with { type: "json" };
import wine from "../cli/sample/wine10.capture.json" with { type: "json" };
import { tcpRows } from "./_capture.ts";
import {
  cli,
  NO_STACK,
  parseCsv,
  runCli,
  watchCli,
  windows,
  winePath,
  withTempDir,
  writeCapture,
} from "./_cli.ts";

const decoder = new TextDecoder();

/** Control characters, DEL, C1 and bidi controls: none may reach a terminal raw. */
// deno-lint-ignore no-control-regex
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/**
 * A capture whose GetTcpTable2 holds `count` rows: well over a pipe's buffer
 * as a table. Its IPv6 table is empty and it names no process (so every
 * process shows as exited): nothing for the tool to note.
 */
function bigCapture(count: number): Capture {
  const rows = tcpRows(count);
  return {
    format: "iphlpapi-capture",
    version: 1,
    producer: "tests: a big table",
    calls: [
      { function: "GetTcpTable2", args: {}, status: 0, data: bytesToBase64(encodeTcpTable2(rows)) },
      { function: "GetTcp6Table2", args: {}, status: 0, data: bytesToBase64(encodeTcp6Table2([])) },
    ],
    processes: {},
  };
}

// The modules the hostile capture gives its connections, in the order the
// mingw capture records them (the second of its four rows is hidden).
const FORGED_ROW = "TCP    6.6.6.6:666  0.0.0.0:0  LISTEN  666";
const LONG_NAME = "A".repeat(50_000);
const MODULES = [
  {
    moduleName: `evil.exe\n${FORGED_ROW}\r\x1b[2J\x1b]0;owned\x07`,
    modulePath: `=HYPERLINK("http://attacker.example/","click")`,
  },
  { moduleName: `c1\x9b31m\x7f\u202eexe.txt`, modulePath: `-2+3+cmd|' /C calc'!A0` },
  { moduleName: LONG_NAME, modulePath: `@SUM(1+1)*cmd|' /C calc'!A0` },
];
const PRODUCER = "evil\nproducer\x1b[31m \ud800 end";

/**
 * The mingw capture with the modules above, and a producer with control
 * characters; an empty IPv6 table and no process named, so that the module
 * note is the only one.
 */
function hostileCapture(): Capture {
  let next = 0;
  const base = mingw as Capture;
  return {
    ...base,
    producer: PRODUCER,
    calls: [
      ...base.calls.map((call) => {
        if (call.function !== "GetOwnerModuleFromTcpEntry" || call.status !== 0) return call;
        const { size: _, ...rest } = call;
        const info = MODULES[next++ % MODULES.length]!;
        return {
          ...rest,
          data: bytesToBase64(encodeOwnerModuleBasicInfo(info, BigInt(call.address!))),
        };
      }),
      {
        function: "GetExtendedTcpTable",
        args: { family: 23, tableClass: 8 },
        status: 0,
        data: bytesToBase64(encodeTcp6TableOwnerModule([])),
      },
    ],
    processes: {},
  };
}

/** Asserts `stderr` is exactly `lines` lines, none with a raw control character or a stack frame. */
function assertPlainLines(stderr: string, lines: number, context: string): string[] {
  assert.ok(stderr.endsWith("\n"), `${context}: ${JSON.stringify(stderr)}`);
  const split = stderr.slice(0, -1).split("\n");
  assert.equal(split.length, lines, `${context}: ${JSON.stringify(stderr)}`);
  assert.doesNotMatch(stderr.slice(0, -1), RAW_CONTROL, context);
  assert.doesNotMatch(stderr, NO_STACK, context);
  return split;
}

// --- 1. Closed pipes and failing writes ---------------------------------------

Deno.test("a closed pipe (| head -1) ends table, --json, --csv and --watch quietly, exit 0", async () => {
  await withTempDir(async (dir) => {
    // 20,000 rows are over a megabyte in every format: more than any pipe buffers.
    const path = await writeCapture(dir, bigCapture(20_000), "big.capture.json");
    for (
      const args of [["tcp"], ["tcp", "--json"], ["tcp", "--csv"], ["tcp", "--watch", "0.1"]]
    ) {
      const child = new Deno.Command(Deno.execPath(), {
        args: ["run", "--allow-read", cli, ...args, "--capture", path],
        stdin: "null",
        stdout: "piped",
        stderr: "piped",
        env: { NO_COLOR: "1" },
      }).spawn();
      const stderr = new Response(child.stderr).text();
      const reader = child.stdout.getReader();
      const first = await reader.read();
      assert.ok(!first.done && first.value.length > 0, args.join(" "));
      await reader.cancel(); // What head does after its first line.
      const { code } = await child.status;
      const context = `${args.join(" ")}: ${await stderr}`;
      assert.equal(code, 0, context);
      const [notice] = assertPlainLines(await stderr, 1, context);
      assert.match(notice!, /^iphlpapi: not live: replaying /, context);
    }
  });
});

Deno.test(
  "a failing write (> /dev/full) is one line naming standard output, exit 1",
  { ignore: windows || !existsSync("/dev/full") },
  async () => {
    for (
      const args of [["tcp"], ["tcp", "--json"], ["tcp", "--csv"], ["tcp", "--watch", "0.1"], [
        "--help",
      ], ["--version"]]
    ) {
      const { code, stdout, stderr } = await new Deno.Command("sh", {
        args: [
          "-c",
          'exec "$@" > /dev/full',
          "sh",
          Deno.execPath(),
          "run",
          "--allow-ffi",
          cli,
          ...args,
        ],
        stdin: "null",
        env: { NO_COLOR: "1" },
      }).output();
      const text = decoder.decode(stderr);
      assert.equal(code, 1, `${args.join(" ")}: ${text}`);
      assert.equal(stdout.length, 0);
      const lines = text.trimEnd().split("\n");
      assert.match(lines.at(-1)!, /^iphlpapi: cannot write to standard output: .+/, text);
      assert.equal(lines.filter((line) => !/not live/.test(line)).length, 1, text);
      assert.doesNotMatch(text, NO_STACK);
    }
  },
);

function existsSync(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

// --- 2. --watch bounds -------------------------------------------------------

Deno.test("--watch: from 0.1 to 86400 seconds, else a usage error", () => {
  const watch = (text: string) =>
    (parseCommandLine(["tcp", "--watch", text]) as TableInvocation).watch;
  assert.equal(watch("0.1"), 0.1);
  assert.equal(watch("86400"), 86400);
  assert.equal((parseCommandLine(["tcp", "--watch"]) as TableInvocation).watch, 1);
  for (const bad of ["0", "0.09", "86400.5", "99999999999", "1e3", "Infinity", "NaN", "-1"]) {
    assert.throws(() => parseCommandLine(["tcp", `--watch=${bad}`]), UsageError, bad);
  }
});

// --- 3. Control characters ---------------------------------------------------

Deno.test("escapeControls: C0, DEL, C1, bidi controls and lone surrogates become visible escapes", () => {
  const cases: [string, string][] = [
    ["plain text, C:\\Windows\\System32\\svchost.exe, Zoë, 日本語", "same"],
    ["a\nb\tc\rd", "a\\nb\\tc\\rd"],
    ["\x00\x01\x1b[31m\x7f", "\\x00\\x01\\x1b[31m\\x7f"],
    ["\x80\x9b\x9f\xa0", "\\x80\\x9b\\x9f\xa0"],
    ["\u202eabc\u2066", "\\u{202e}abc\\u{2066}"],
    ["x\ud800y", "x\\u{d800}y"],
    ["x\udfffy", "x\\u{dfff}y"],
    ["\udc00\ud800", "\\u{dc00}\\u{d800}"],
    ["pair \ud83d\ude00 ok", "same"],
    ["end\ud83d", "end\\u{d83d}"],
  ];
  for (const [input, expected] of cases) {
    assert.equal(escapeControls(input), expected === "same" ? input : expected, input);
  }
});

Deno.test("truncate: cut with an ellipsis at the limit, never inside a surrogate pair", () => {
  assert.equal(truncate("abcdef", 6), "abcdef");
  assert.equal(truncate("abcdefg", 6), "abcde\u2026");
  assert.equal(truncate("abcd\ud83d\ude00xyz", 6), "abcd\u2026");
  assert.equal(truncate("abc\ud83d\ude00xyz", 6), "abc\ud83d\ude00\u2026");
});

Deno.test("renderTable: cells escaped and capped, alignment kept, colour only around the text", () => {
  const lines = renderTable(
    [{ header: "Name" }, { header: "N", align: "right" }, { header: "Path", maxWidth: 8 }],
    [
      [{ text: "a\nb", style: "red" }, { text: "7" }, { text: "C:\\a\\b\\c\\d.exe" }],
      [{ text: "x".repeat(1000) }, { text: "12" }, { text: "\x1b[2J" }],
    ],
    painter(false),
  );
  assert.deepEqual(lines, [
    `Name${" ".repeat(MAX_CELL_WIDTH - 4)}   N  Path`,
    `a\\nb${" ".repeat(MAX_CELL_WIDTH - 4)}   7  C:\\a\\b\\\u2026`,
    `${"x".repeat(MAX_CELL_WIDTH - 1)}\u2026  12  \\x1b[2J`,
  ]);
  const coloured = renderTable(
    [{ header: "S" }],
    [[{ text: "\x1b", style: "red" }]],
    painter(true),
  );
  assert.equal(coloured[1], "\x1b[31m\\x1b\x1b[39m");
});

Deno.test("toJson: DEL, C1 and bidi controls as \\u escapes; the same value parses back", () => {
  const value = [{ name: "a\x1b\x7f\x9b\u202e\ud800\n", n: 5n }];
  const text = toJson(value);
  assert.doesNotMatch(text.replaceAll("\n", ""), RAW_CONTROL);
  assert.doesNotMatch(text, /[\ud800-\udfff]/, "lone surrogates escaped by JSON.stringify");
  assert.deepEqual(JSON.parse(text), [{ name: value[0]!.name, n: "5" }]);
});

Deno.test("toCsv: controls escaped; formula-like fields get a leading quote, plain numbers do not", () => {
  const text = toCsv(["h"], [
    ["=1+1"],
    ["+cmd"],
    ["-2+3"],
    ["@SUM(A1)"],
    ["\t=x"],
    ["\r=x"],
    ["-5"],
    ["+7"],
    ["3.25"],
    ["0.0.0.0:0"],
    ["a=b"],
    ["x\x1b\ny"],
    ['=A1,"q"'],
  ]);
  assert.deepEqual(parseCsv(text).slice(1).map((record) => record[0]), [
    "'=1+1",
    "'+cmd",
    "'-2+3",
    "'@SUM(A1)",
    "'\\t=x",
    "'\\r=x",
    "-5",
    "+7",
    "3.25",
    "0.0.0.0:0",
    "a=b",
    "x\\x1b\\ny",
    `'=A1,"q"`,
  ]);
  assert.doesNotMatch(text.replaceAll("\r\n", ""), RAW_CONTROL);
});

Deno.test("tcp --owner on a hostile capture: the table escapes and caps every cell, rows cannot be forged", async () => {
  await withTempDir(async (dir) => {
    const path = await writeCapture(dir, hostileCapture(), "hostile.capture.json");
    const result = await runCli(["tcp", "--owner", "--capture", path]);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 1 + 5, result.stdout); // header and the five rows
    assert.doesNotMatch(result.stdout.replaceAll("\n", ""), RAW_CONTROL);
    assert.ok(!lines.some((line) => line.startsWith(FORGED_ROW)), "no forged row");
    for (const { moduleName } of MODULES) {
      // Escaped, then cut: the first is "evil.exe\nTCP    6.6.6.6:666  0.0.0.0:0  LISTEN  666\r\x1b…".
      assert.ok(result.stdout.includes(truncate(escapeControls(moduleName), MAX_CELL_WIDTH)));
    }
    assert.ok(result.stdout.includes("evil.exe\\nTCP    6.6.6.6:666"));
    assert.ok(result.stdout.includes("c1\\x9b31m\\x7f\\u{202e}exe.txt"));
    // One 50,000-character name does not pad the table: every line stays short.
    assert.ok(lines.every((line) => line.length < 250), "cells capped");
    assert.ok(result.stdout.includes("A".repeat(MAX_CELL_WIDTH - 1) + "\u2026"));
    // The notice names the producer, escaped, on one line.
    const [notice, note] = assertPlainLines(result.stderr, 2, result.stderr);
    assert.match(note!, /^iphlpapi: module names hidden for 2 rows: /);
    assert.ok(notice!.endsWith("(evil\\nproducer\\x1b[31m \\u{d800} end)"), notice);
  });
});

Deno.test("tcp --owner on a hostile capture: --json keeps every value whole, --csv escapes and neutralises", async () => {
  await withTempDir(async (dir) => {
    const path = await writeCapture(dir, hostileCapture(), "hostile.capture.json");
    const json = await runCli(["tcp", "--owner", "--json", "--capture", path]);
    assert.equal(json.code, 0, json.stderr);
    assert.doesNotMatch(json.stdout.replaceAll("\n", ""), RAW_CONTROL);
    const rows = JSON.parse(json.stdout) as { moduleName: string | null; modulePath: string }[];
    assert.deepEqual(
      rows.filter((row) => row.moduleName !== null).map(({ moduleName, modulePath }) => ({
        moduleName,
        modulePath,
      })),
      MODULES,
    );

    const csv = await runCli(["tcp", "--owner", "--csv", "--capture", path]);
    assert.equal(csv.code, 0, csv.stderr);
    assert.doesNotMatch(csv.stdout.replaceAll("\r\n", ""), RAW_CONTROL);
    const [header, ...records] = parseCsv(csv.stdout);
    assert.deepEqual(header!.slice(-2), ["Module", "Path"]);
    assert.equal(records.length, 5);
    const named = records.filter((record) => record.at(-2) !== "");
    assert.deepEqual(named.map((record) => record.at(-1)), [
      `'=HYPERLINK("http://attacker.example/","click")`,
      `'-2+3+cmd|' /C calc'!A0`,
      `'@SUM(1+1)*cmd|' /C calc'!A0`,
    ]);
    assert.equal(named[0]!.at(-2), escapeControls(MODULES[0]!.moduleName));
    assert.equal(named[2]!.at(-2), LONG_NAME, "CSV is not cut");
    // The PID column is a plain number: untouched.
    assert.ok(records.every((record) => /^\d+$/.test(record[4]!)));
  });
});

Deno.test(
  "--watch on a hostile capture with a hostile file name: the title, notes and rows are escaped",
  {
    ignore: windows, // Windows file names cannot hold control characters.
  },
  async () => {
    await withTempDir(async (dir) => {
      const path = await writeCapture(dir, hostileCapture(), "evil\n\x1b[2J.json");
      const { code, stdout: text, stderr } = await watchCli(
        ["tcp", "--owner", "--watch", "0.1", "--capture", path],
        2,
      );
      assert.equal(code, 0, stderr);
      assert.doesNotMatch(text.replaceAll("\n", ""), RAW_CONTROL);
      assert.match(text, /^iphlpapi tcp \(replay of .*evil\\n\\x1b\[2J\.json\) at /m);
      assert.match(text, /^iphlpapi: module names hidden for 2 rows/m, "the note, in the frame");
      const [notice] = assertPlainLines(stderr, 1, stderr);
      assert.ok(notice!.includes("evil\\n\\x1b[2J.json"), notice);
    });
  },
);

// --- 6. Options --------------------------------------------------------------

Deno.test("arguments: --port repeats, --state takes PowerShell's names, --color, help, --version", () => {
  const invocation = (...args: string[]) => parseCommandLine(["tcp", ...args]) as TableInvocation;
  const tcp = (...args: string[]) => invocation(...args).args as TcpArgs;
  assert.deepEqual(
    tcp("--port", "80", "--port", "443,8080").filter.ports,
    new Set([80, 443, 8080]),
  );
  const states = tcp(
    "--state",
    "TimeWait,Established,Listen,SynSent,SynReceived,FinWait1,FinWait2",
    "--state",
    "closewait,CLOSING,LastAck,Closed,DeleteTCB,syn_rcvd,FIN_WAIT_1,listening",
  ).filter.states;
  assert.deepEqual([...states!].toSorted((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  assert.throws(() => tcp("--state", "bound"), /Bound is a PowerShell state/);
  assert.throws(() => tcp("--state", "Listen,Nope"), /unknown state "Nope"/);
  assert.equal(invocation().color, "auto");
  assert.equal(invocation("--color").color, "always");
  assert.equal(invocation("--color", "never").color, "never");
  assert.equal(invocation("--color=ALWAYS").color, "always");
  assert.equal(
    (parseCommandLine(["--color", "never", "interfaces"]) as TableInvocation).tableCommand.name,
    "interfaces",
  );
  assert.deepEqual(parseCommandLine(["help", "tcp"]), { command: "help", topic: "tcp" });
  assert.deepEqual(parseCommandLine(["help"]), { command: "help" });
  assert.deepEqual(parseCommandLine(["--version"]), { command: "version" });
  assert.equal(colorWanted("always"), true);
  assert.equal(colorWanted("never"), false);
});

Deno.test("--color: always colours even a pipe and beats NO_COLOR; never and auto do not", async () => {
  const colour = async (args: string[], env: Record<string, string>) => {
    const result = await runCli(["tcp", ...args, "--capture", winePath], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(!result.stderr.includes("\x1b"), "stderr is never coloured");
    return result.stdout.includes("\x1b[");
  };
  assert.equal(await colour(["--color=always"], { NO_COLOR: "1" }), true);
  assert.equal(await colour(["--color"], {}), true);
  assert.equal(await colour(["--color", "never"], {}), false);
  assert.equal(await colour(["--color=auto"], {}), false);
  assert.equal(await colour([], {}), false);
});

// --- 7. Reading --capture files ----------------------------------------------

const WINE_TEXT = JSON.stringify(wine);

/** `text` as UTF-16, with or without a byte-order mark. */
function utf16(text: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  const units = bom ? "\ufeff" + text : text;
  for (let i = 0; i < units.length; i++) {
    view.setUint16(2 * i, units.charCodeAt(i), endian === "le");
  }
  return bytes;
}

Deno.test("--capture: UTF-8 with a BOM and UTF-16 with a BOM (PowerShell 5.1's >) replay as UTF-8 does", async () => {
  await withTempDir(async (dir) => {
    const plain = await writeCapture(dir, wine, "plain.json");
    const expected = await runCli(["tcp", "--json", "--capture", plain]);
    assert.equal(expected.code, 0, expected.stderr);
    const encodings: [string, Uint8Array][] = [
      ["utf8-bom", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(WINE_TEXT)])],
      ["utf16le", utf16(WINE_TEXT, "le", true)],
      ["utf16be", utf16(WINE_TEXT, "be", true)],
    ];
    for (const [name, bytes] of encodings) {
      const path = join(dir, `${name}.json`);
      await Deno.writeFile(path, bytes);
      const result = await runCli(["tcp", "--json", "--capture", path]);
      assert.equal(result.code, 0, `${name}: ${result.stderr}`);
      assert.equal(result.stdout, expected.stdout, name);
    }
  });
});

Deno.test("--capture: what is not a UTF-8 or UTF-16 JSON capture is one line, exit 1", async () => {
  await withTempDir(async (dir) => {
    const cases: [string, Uint8Array, RegExp][] = [
      ["utf16-no-bom", utf16(WINE_TEXT, "le", false), /UTF-16 without a byte-order mark/],
      ["utf16be-no-bom", utf16(WINE_TEXT, "be", false), /UTF-16 without a byte-order mark/],
      ["utf32", new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]), /UTF-32/],
      ["bad-utf8", new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), /not valid UTF-8/],
      ["odd-utf16", new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d]), /not valid UTF-16LE/],
      ["binary", new Uint8Array([0x00, 0x00, 0x01, 0x02]), /starts with byte 0x00/],
      ["text", new TextEncoder().encode("hello\x1b[31m\nworld"), /is not JSON: it starts with "h"/],
      ["truncated", new TextEncoder().encode(WINE_TEXT.slice(0, 100)), /is not JSON: /],
      ["empty", new Uint8Array(), /is not JSON: /],
    ];
    for (const [name, bytes, message] of cases) {
      const path = join(dir, `${name}.json`);
      await Deno.writeFile(path, bytes);
      const result = await runCli(["tcp", "--capture", path]);
      assert.equal(result.code, 1, `${name}: ${result.stderr}`);
      assert.equal(result.stdout, "");
      const [line] = assertPlainLines(result.stderr, 1, name);
      assert.match(line!, /^iphlpapi: CaptureError: /, name);
      assert.match(line!, message, name);
    }
  });
});

Deno.test(
  "--capture /dev/zero: refused at once, one line, exit 1",
  { ignore: windows },
  async () => {
    const started = performance.now();
    const result = await runCli(["tcp", "--capture", "/dev/zero"]);
    assert.equal(result.code, 1, result.stderr);
    const [line] = assertPlainLines(result.stderr, 1, result.stderr);
    assert.equal(line, "iphlpapi: CaptureError: /dev/zero is not JSON: it starts with byte 0x00");
    assert.ok(performance.now() - started < 10_000, "fails fast");
  },
);

Deno.test("--capture: a file over 256 MiB is refused without being read", async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, "huge.json");
    // Sparse: no disk used, and the tool must not read it.
    await Deno.writeTextFile(path, "{");
    await Deno.truncate(path, MAX_CAPTURE_BYTES + 1);
    const result = await runCli(["tcp", "--capture", path]);
    assert.equal(result.code, 1, result.stderr);
    const [line] = assertPlainLines(result.stderr, 1, result.stderr);
    assert.equal(line, `iphlpapi: the capture ${path} is larger than 256 MiB, the most read`);
  });
});

Deno.test("readCaptureText: a stream that never ends is cut after the limit", {
  ignore: windows,
}, async () => {
  await withTempDir(async (dir) => {
    const fifo = join(dir, "fifo");
    const made = await new Deno.Command("mkfifo", { args: [fifo] }).output().catch(() => null);
    if (made === null || !made.success) return; // no mkfifo here
    // The writer is another process: Deno 2.1 opens a FIFO on its main thread,
    // so a writer in this process would block the reader's open forever.
    // JSON whitespace, 64 KiB: nothing to refuse but the length.
    const writer = new Deno.Command("sh", {
      args: ["-c", 'head -c 65536 /dev/zero | tr "\\0" " " > "$0"', fifo],
      stderr: "null",
    }).spawn();
    await assert.rejects(
      () => readCaptureText(fifo, 4096),
      (error: Error) =>
        error instanceof CliError &&
        error.message.endsWith("is larger than 4096 bytes, the most read"),
    );
    await writer.status; // ended by SIGPIPE once the reader gave up, or done
  });
});

// --- 8. Failures ---------------------------------------------------------------

Deno.test("messages with control characters in the arguments are one escaped line", async () => {
  const cases: [string[], number, string][] = [
    [["tcp", "--state", "\x1b[2J\nLISTEN"], 2, '"\\x1b[2J\\nLISTEN"'],
    [["no\ncommand\x1b[31m"], 2, '"no\\ncommand\\x1b[31m"'],
    [["tcp", "--port", "80\r\n"], 2, "80\\r\\n"],
    [
      ["tcp", "--capture", "/nonexistent/\x1b]0;x\x07\nfile"],
      1,
      "/nonexistent/\\x1b]0;x\\x07\\nfile",
    ],
  ];
  for (const [args, code, shown] of cases) {
    const result = await runCli(args);
    assert.equal(result.code, code, result.stderr);
    const [line] = assertPlainLines(result.stderr, 1, JSON.stringify(args));
    assert.ok(line!.includes(shown), line);
  }
});

Deno.test("failureOf: every error is one line and an exit code; a closed stdout is 0 and silent", () => {
  assert.deepEqual(failureOf(new OutputClosed("gone")), { message: undefined, code: 0 });
  assert.deepEqual(failureOf(new UsageError("bad")), {
    message: "iphlpapi: bad (see --help)",
    code: 2,
  });
  const windowsError = failureOf(new IpHelperError("GetIpInterfaceTable", 50));
  assert.equal(windowsError.code, 1);
  assert.match(
    windowsError.message!,
    /^iphlpapi: GetIpInterfaceTable failed: ERROR_NOT_SUPPORTED \(50\)\. \S/,
  );
  assert.ok(!windowsError.message!.includes("\n"));
  assert.deepEqual(failureOf(new TypeError("boom")), {
    message: "iphlpapi: unexpected error (please report it): TypeError: boom",
    code: 1,
  });
  assert.deepEqual(failureOf("a string"), {
    message: "iphlpapi: unexpected error (please report it): a string",
    code: 1,
  });
  assert.equal(failureOf(new RangeError("Maximum call stack size exceeded")).code, 1);
});
