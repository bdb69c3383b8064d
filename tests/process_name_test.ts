// Process names: getProcessImageName and getProcessNames against the mock
// kernel32, the capture's `processes` member, and recordCapture naming the
// processes of the tables it records.
import assert from "node:assert/strict";
import {
  getConnections,
  getProcessImageName,
  getProcessNames,
  IpHelperError,
  IpHelperStatus as S,
  type Kernel32Symbols,
  loadKernel32,
  type ProcessName,
} from "../mod.ts";
import {
  type Capture,
  CaptureError,
  createMock,
  MAX_CAPTURE_PROCESSES,
  parseCapture,
  recordCapture,
} from "../mock/mod.ts";
import { capture } from "./_capture.ts";
import { connectionCalls, EXPECTED, WINE } from "./_connections.ts";

const DENO = "Z:\\opt\\deno-2.9.5\\deno.exe";
const LONGEST = "C:\\" + "x".repeat(32_767 - 3); // the longest Win32 path
const PROCESSES: Record<string, string | number> = {
  "100": "C:\\srv\\web.exe",
  "200": "C:\\Users\\me\\app\ud800.exe", // a lone surrogate, as NTFS allows
  "300": S.ERROR_ACCESS_DENIED,
  "400": LONGEST,
  [EXPECTED.owningPid]: DENO,
};

/** A mock of the hand-built connection tables naming `processes`. */
function mock(processes: Record<string, string | number> = PROCESSES) {
  return createMock({ ...capture(...connectionCalls()), processes });
}

Deno.test("getProcessImageName: the recorded path, exactly, up to the longest Win32 path", () => {
  const { kernel32, stats } = mock();
  assert.equal(getProcessImageName(100, { kernel32 }), "C:\\srv\\web.exe");
  assert.equal(getProcessImageName(200, { kernel32 }), "C:\\Users\\me\\app\ud800.exe");
  assert.equal(getProcessImageName(400, { kernel32 }), LONGEST);
  assert.equal(getProcessImageName(EXPECTED.owningPid, { kernel32 }), DENO);
  assert.equal(stats.opens, 4);
  assert.equal(stats.closes, 4, "every handle closed");
});

Deno.test("getProcessImageName: OpenProcess's error, read with GetLastError, names the function and code", () => {
  const { kernel32, stats } = mock();
  assert.throws(() => getProcessImageName(300, { kernel32 }), {
    name: "IpHelperError",
    functionName: "OpenProcess",
    code: S.ERROR_ACCESS_DENIED,
    message:
      "OpenProcess failed: ERROR_ACCESS_DENIED (5). Run the program elevated (as Administrator).",
  });
  assert.throws(() => getProcessImageName(999, { kernel32 }), {
    functionName: "OpenProcess",
    code: S.ERROR_INVALID_PARAMETER,
    message: /^OpenProcess failed: ERROR_INVALID_PARAMETER \(87\)\. No process has this ID/,
  });
  assert.equal(stats.opens, 0, "no handle for a refused process");
  assert.equal(stats.closes, 0);
});

/** `kernel32`, logging each call by name. */
function logging(kernel32: Kernel32Symbols, log: string[]): Kernel32Symbols {
  const wrapped: Record<string, unknown> = {};
  for (const [fn, f] of Object.entries(kernel32)) {
    wrapped[fn] = (...args: unknown[]) => {
      log.push(fn);
      return (f as (...args: unknown[]) => unknown)(...args);
    };
  }
  return wrapped as unknown as Kernel32Symbols;
}

Deno.test("GetLastError is called right after the call that failed, and CloseHandle always runs", () => {
  const { kernel32, stats } = mock();
  const log: string[] = [];
  getProcessImageName(100, { kernel32: logging(kernel32, log) });
  assert.deepEqual(log, ["OpenProcess", "QueryFullProcessImageNameW", "CloseHandle"]);
  log.length = 0;
  assert.throws(() => getProcessImageName(300, { kernel32: logging(kernel32, log) }));
  assert.deepEqual(log, ["OpenProcess", "GetLastError"]);

  // QueryFullProcessImageNameW failing: its error, then the handle closed.
  const failing: Kernel32Symbols = {
    ...kernel32,
    QueryFullProcessImageNameW: (handle, _flags, buffer, size) =>
      kernel32.QueryFullProcessImageNameW!(handle, 1, buffer, size), // a flag the mock refuses
  };
  log.length = 0;
  assert.throws(() => getProcessImageName(100, { kernel32: logging(failing, log) }), {
    functionName: "QueryFullProcessImageNameW",
    code: S.ERROR_INVALID_PARAMETER,
  });
  assert.deepEqual(log, [
    "OpenProcess",
    "QueryFullProcessImageNameW",
    "GetLastError",
    "CloseHandle",
  ]);

  // ...and when it throws outright.
  const throwing: Kernel32Symbols = {
    ...kernel32,
    QueryFullProcessImageNameW: () => {
      throw new Error("boom");
    },
  };
  assert.throws(() => getProcessImageName(100, { kernel32: throwing }), /boom/);
  assert.throws(() => getProcessNames([100, 200], { kernel32: throwing }), /boom/);
  assert.equal(stats.opens, 4);
  assert.equal(stats.closes, stats.opens, "every handle closed");
});

Deno.test("a last-error code lost before it was read is reported as such, not as success", () => {
  const { kernel32 } = mock();
  const lost: Kernel32Symbols = { ...kernel32, GetLastError: () => 0 };
  assert.throws(() => getProcessImageName(300, { kernel32: lost }), {
    functionName: "OpenProcess",
    code: 0,
    message: /failed without a last-error code/,
  });
  assert.equal(getProcessNames([300], { kernel32: lost }).get(300)!.status, "failed");
});

Deno.test("getProcessNames: a name or a reason per distinct PID, in order, never throwing per PID", () => {
  const { kernel32, stats } = mock();
  const names = getProcessNames([4, 100, 300, 999, 0, 100, 200], { kernel32 });
  assert.deepEqual([...names.keys()], [4, 100, 300, 999, 0, 200]);
  const plain = (name: ProcessName) =>
    name.status === "ok"
      ? name
      : { ...name, error: `${name.error.functionName} ${name.error.code}` };
  assert.deepEqual([...names.values()].map(plain), [
    { status: "ok", name: "System", path: null },
    { status: "ok", name: "web.exe", path: "C:\\srv\\web.exe" },
    { status: "access denied", name: null, path: null, error: "OpenProcess 5" },
    { status: "no such process", name: null, path: null, error: "OpenProcess 87" },
    { status: "ok", name: "System Idle Process", path: null },
    { status: "ok", name: "app\ud800.exe", path: "C:\\Users\\me\\app\ud800.exe" },
  ]);
  const denied = names.get(300)!;
  assert.ok(denied.status !== "ok" && denied.error instanceof IpHelperError);
  assert.equal(stats.opens, 2, "PIDs 0 and 4 are not asked for; 100 once");
  assert.equal(stats.closes, 2);
  assert.deepEqual(getProcessNames(new Set<number>(), { kernel32 }), new Map());
});

Deno.test("getProcessNames names the owners of getConnections' rows", () => {
  const { symbols, kernel32 } = createMock({ ...WINE, processes: { [EXPECTED.owningPid]: DENO } });
  const rows = getConnections({ symbols });
  const names = getProcessNames(rows.map((row) => row.owningPid), { kernel32 });
  assert.deepEqual([...names], [[EXPECTED.owningPid, {
    status: "ok",
    name: "deno.exe",
    path: DENO,
  }]]);
});

Deno.test("a kernel32 without a function: ERROR_PROC_NOT_FOUND before any process is opened", () => {
  const { kernel32, stats } = mock();
  for (const fn of ["OpenProcess", "QueryFullProcessImageNameW", "CloseHandle", "GetLastError"]) {
    const lacking = { ...kernel32, [fn]: null } as Kernel32Symbols;
    const expected = { name: "IpHelperError", functionName: fn, code: S.ERROR_PROC_NOT_FOUND };
    assert.throws(() => getProcessImageName(100, { kernel32: lacking }), expected);
    assert.throws(() => getProcessNames([100], { kernel32: lacking }), expected);
  }
  assert.equal(stats.opens, 0);
});

Deno.test("process-name inputs: a wrong value is a TypeError naming the function and what is wrong", () => {
  const { kernel32 } = mock();
  const cases: [() => unknown, RegExp][] = [
    [
      () => getProcessImageName(-1, { kernel32 }),
      /^getProcessImageName: pid must be a process ID \(an integer 0\.\.4294967295\), found -1$/,
    ],
    [
      () => getProcessImageName(2 ** 32, { kernel32 }),
      /pid must be a process ID .*found 4294967296/,
    ],
    [() => getProcessImageName("4" as never, { kernel32 }), /pid must be .*found "4"/],
    [
      () => getProcessImageName(4, { kernel32, symbols: {} } as never),
      /^getProcessImageName: unknown option "symbols"; expected "kernel32"$/,
    ],
    [
      () => getProcessImageName(4, 5 as never),
      /^getProcessImageName: options must be an object, found 5$/,
    ],
    [
      () => getProcessImageName(4, { kernel32: 5 as never }),
      /^getProcessImageName: options\.kernel32 must be the symbols of kernel32\.dll or a mock's kernel32, found 5$/,
    ],
    [
      () => getProcessImageName(4, { kernel32: { ...kernel32, CloseHandle: 1 } as never }),
      /^getProcessImageName: options\.kernel32\.CloseHandle must be a function, or null where the DLL lacks it; found 1$/,
    ],
    [
      () => getProcessNames(7 as never, { kernel32 }),
      /^getProcessNames: pids must be an iterable of process IDs, found 7$/,
    ],
    [
      () => getProcessNames("12" as never, { kernel32 }),
      /pids must be an iterable of process IDs, found "12"/,
    ],
    [
      () => getProcessNames([1, 2, 1.5], { kernel32 }),
      /^getProcessNames: pids\[2\] must be a process ID \(an integer 0\.\.4294967295\), found 1\.5$/,
    ],
    [
      () => getProcessNames([4], { kernel32: [] as never }),
      /options\.kernel32 must be .*found an array/,
    ],
  ];
  for (const [call, message] of cases) assert.throws(call, { name: "TypeError", message });
});

Deno.test({
  name: "off Windows, the live kernel32 is refused with advice to use the mock",
  ignore: Deno.build.os === "windows",
  fn() {
    const expected = {
      name: "IpHelperError",
      functionName: "LoadLibrary(kernel32.dll)",
      codeName: "ERROR_MOD_NOT_FOUND",
      message: /kernel32\.dll exists only on Windows.*createMock\(capture\)\.kernel32/,
    };
    assert.throws(() => loadKernel32(), expected);
    assert.throws(() => getProcessImageName(4), expected);
    assert.throws(() => getProcessNames([4]), expected);
  },
});

Deno.test("the mock kernel32: handles are checked, buffers too small are refused, a double close throws", () => {
  const { kernel32, stats } = mock();
  const handle = kernel32.OpenProcess!(0x1000, 0, 100);
  assert.notEqual(handle, null);
  const small = new Uint16Array(5);
  const size = new Uint32Array([small.length]);
  assert.equal(kernel32.QueryFullProcessImageNameW!(handle, 0, small, size), 0);
  assert.equal(kernel32.GetLastError!(), S.ERROR_INSUFFICIENT_BUFFER);
  assert.equal(kernel32.CloseHandle!(handle), 1);
  assert.equal(kernel32.QueryFullProcessImageNameW!(handle, 0, small, size), 0);
  assert.equal(kernel32.GetLastError!(), 6, "ERROR_INVALID_HANDLE after the close");
  assert.throws(
    () => kernel32.CloseHandle!(handle),
    /not a handle this mock handed out, or closed twice/,
  );
  assert.deepEqual([stats.opens, stats.closes], [1, 1]);
  // A capture without processes: every PID is "no such process".
  const bare = createMock(capture()).kernel32;
  assert.equal(bare.OpenProcess!(0x1000, 0, 100), null);
  assert.equal(bare.GetLastError!(), S.ERROR_INVALID_PARAMETER);
});

Deno.test("capture.processes is checked completely, capped, and copied", () => {
  const base = capture();
  const cases: [unknown, string | RegExp][] = [
    [[], "capture.processes: expected an object keyed by PID"],
    ["C:\\a.exe", "capture.processes: expected an object keyed by PID"],
    [
      { "01": "C:\\a.exe" },
      'capture.processes["01"]: not a PID (decimal 0..4294967295 without leading zeros)',
    ],
    [{ "-1": "C:\\a.exe" }, /processes\["-1"\]: not a PID/],
    [{ "4294967296": "C:\\a.exe" }, /processes\["4294967296"\]: not a PID/],
    [{ "pid": "C:\\a.exe" }, /processes\["pid"\]: not a PID/],
    [
      { "8": "" },
      'capture.processes["8"]: expected an image path of 1 to 32767 UTF-16 units without NUL, or a nonzero Win32 error code',
    ],
    [{ "8": "C:\\a\0.exe" }, /processes\["8"\]: expected an image path/],
    [
      { "8": "C:\\" + "x".repeat(32_765) },
      /processes\["8"\]: expected an image path of 1 to 32767/,
    ],
    [{ "8": 0 }, /processes\["8"\]: expected .* a nonzero Win32 error code/],
    [{ "8": -5 }, /processes\["8"\]/],
    [{ "8": 2 ** 32 }, /processes\["8"\]/],
    [{ "8": 1.5 }, /processes\["8"\]/],
    [{ "8": null }, /processes\["8"\]/],
    [{ "8": ["C:\\a.exe"] }, /processes\["8"\]/],
    [
      Object.fromEntries(Array.from({ length: MAX_CAPTURE_PROCESSES + 1 }, (_, i) => [i, 5])),
      `capture.processes: ${
        MAX_CAPTURE_PROCESSES + 1
      } processes, more than the limit of ${MAX_CAPTURE_PROCESSES}`,
    ],
  ];
  for (const [processes, message] of cases) {
    assert.throws(() => parseCapture({ ...base, processes }), (error) => {
      assert.ok(error instanceof CaptureError, String(error));
      if (typeof message === "string") assert.equal(error.message, message);
      else assert.match(error.message, message);
      return true;
    });
  }
  const good = { "0": 87, "4294967295": "C:\\a.exe", "8": LONGEST };
  assert.deepEqual(parseCapture({ ...base, processes: good }).processes, good);
  assert.equal("processes" in parseCapture(base), false, "absent stays absent");
  // The mock keeps its own copy.
  const source: Capture = { ...base, processes: { "8": "C:\\a.exe" } };
  const { kernel32 } = createMock(source);
  source.processes!["8"] = "C:\\b.exe";
  source.processes!["9"] = "C:\\c.exe";
  assert.equal(getProcessImageName(8, { kernel32 }), "C:\\a.exe");
  assert.throws(() => getProcessImageName(9, { kernel32 }), { code: S.ERROR_INVALID_PARAMETER });
});

Deno.test("recordCapture names the process of every PID in the tables it records; the mock replays them", () => {
  const source = mock();
  const { capture: recorded, failures } = recordCapture({
    symbols: source.symbols,
    kernel32: source.kernel32,
  });
  // PID 0 (TIME_WAIT) has no image; 500 is in the tables but not a process any more; the
  // recorder's own PID is named by the mock but in no table.
  assert.deepEqual(recorded.processes, {
    "100": "C:\\srv\\web.exe",
    "200": PROCESSES["200"]!,
    "300": S.ERROR_ACCESS_DENIED,
    "400": LONGEST,
    "500": S.ERROR_INVALID_PARAMETER,
  });
  assert.equal(source.stats.closes, source.stats.opens, "every handle closed");
  assert.deepEqual(
    failures.filter((f) => f.startsWith("process ")).map((f) => f.replace(/\)\. .*/, ")")),
    [
      "process 300: OpenProcess failed: ERROR_ACCESS_DENIED (5)",
      "process 500: OpenProcess failed: ERROR_INVALID_PARAMETER (87)",
    ],
  );
  const replayed = createMock(parseCapture(JSON.parse(JSON.stringify(recorded))));
  const pids = getConnections({ symbols: replayed.symbols }).map((row) => row.owningPid);
  const names = (kernel32: Kernel32Symbols) =>
    [...getProcessNames(pids, { kernel32 })].map(([pid, name]) => [pid, name.status, name.path]);
  assert.deepEqual(names(replayed.kernel32), [
    [100, "ok", "C:\\srv\\web.exe"],
    [0, "ok", null],
    [200, "ok", PROCESSES["200"]],
    [300, "access denied", null],
    [400, "ok", LONGEST],
    [500, "no such process", null],
  ]);
});

Deno.test("recordCapture: modules: false records no paths; a bad kernel32 is refused, a lacking one is a failure", () => {
  const source = mock();
  const none = recordCapture({
    symbols: source.symbols,
    kernel32: source.kernel32,
    modules: false,
  });
  assert.equal("processes" in none.capture, false);
  const opens = source.stats.opens;
  assert.throws(
    () => recordCapture({ symbols: source.symbols, kernel32: 1 as never }),
    /^TypeError: recordCapture: options\.kernel32 must be the symbols of kernel32\.dll/,
  );
  // A kernel32 lacking a function: one failure, no processes.
  const lacking = recordCapture({
    symbols: source.symbols,
    kernel32: { ...source.kernel32, GetLastError: null },
  });
  assert.equal("processes" in lacking.capture, false);
  assert.ok(lacking.failures.includes(
    "processes: GetLastError failed: ERROR_PROC_NOT_FOUND (127). Not supported on this system: its kernel32.dll does not export the function.",
  ));
  assert.equal(source.stats.opens, opens);
});

Deno.test({
  name: "recordCapture off Windows without kernel32: the tables, and no processes",
  ignore: Deno.build.os === "windows",
  fn() {
    const { capture: recorded, failures } = recordCapture({ symbols: mock().symbols });
    assert.equal("processes" in recorded, false);
    assert.ok(!failures.some((f) => f.startsWith("process")));
    assert.ok(recorded.calls.some((c) => c.function === "GetExtendedUdpTable"));
  },
});
