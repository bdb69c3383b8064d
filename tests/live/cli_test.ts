// The command-line tool on the live iphlpapi.dll: on Windows, and under
// Wine 10 in the CI's Windows lane. Ignored elsewhere.
import assert from "node:assert/strict";
import { join } from "node:path";
import { TcpState } from "../../mod.ts";
import { parseCapture } from "../../mock/mod.ts";

const cli = join(import.meta.dirname!, "..", "..", "cli.ts");
const ignore = Deno.build.os !== "windows";

async function run(permissions: string[], args: string[]) {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", ...permissions, cli, ...args],
    stdin: "null",
    env: { NO_COLOR: "1" },
  }).output();
  const decoder = new TextDecoder();
  return { code, stdout: decoder.decode(stdout), stderr: decoder.decode(stderr) };
}

Deno.test({
  name: "live tcp --json --port: this process's listener, with its PID, and no replay notice",
  ignore,
  async fn() {
    using listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const { port } = listener.addr;
    const result = await run(["--allow-ffi"], ["tcp", "--json", "--port", String(port)]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, "");
    const rows = JSON.parse(result.stdout) as {
      state: number;
      stateName: string;
      localAddr: string;
      localPort: number;
      owningPid: number;
    }[];
    // The subprocess sees its parent's socket: the PID is this test's.
    const row = rows.find((r) => r.state === TcpState.LISTEN && r.localPort === port);
    assert.ok(row, `no LISTEN row on port ${port} in ${result.stdout}`);
    assert.equal(row.localAddr, "127.0.0.1");
    assert.equal(row.owningPid, Deno.pid);
    assert.equal(row.stateName, "LISTEN");
    assert.ok(rows.every((r) => r.localPort === port || r.state !== TcpState.LISTEN));
  },
});

Deno.test({
  name: "live capture --output: writes a capture parseCapture accepts, and a summary on stderr",
  ignore,
  async fn() {
    const output = await Deno.makeTempFile({ suffix: ".capture.json" });
    try {
      const result = await run(["--allow-ffi", `--allow-write=${output}`], [
        "capture",
        "--output",
        output,
      ]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, "");
      const capture = parseCapture(JSON.parse(await Deno.readTextFile(output)));
      assert.ok(
        capture.calls.some((call) => call.function === "GetTcpTable2" && call.status === 0),
      );
      assert.match(result.stderr, /recorded \d+ calls, \d+ failed, to .+\n$/);
    } finally {
      await Deno.remove(output);
    }
  },
});
