// The single-file build (`deno task bundle` → dist/iphlpapi.js), run by this
// Deno against the live DLL: it must find this process's own listener and
// connection, as the module's API does. `.ci/run` bundles before the lane.
import assert from "node:assert/strict";
import { getTcpTable2, TcpState } from "../../mod.ts";

const bundle = new URL("../../dist/iphlpapi.js", import.meta.url);

Deno.test({
  name: "the bundled CLI lists this process's sockets as the API does",
  ignore: Deno.build.os !== "windows",
}, async () => {
  await Deno.stat(bundle).catch(() => {
    throw new Error("dist/iphlpapi.js is missing: run `deno task bundle` first");
  });
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  const client = await Deno.connect({ hostname: "127.0.0.1", port });
  const server = await listener.accept();
  try {
    const { success, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-ffi",
        bundle.pathname.replace(/^\/([A-Za-z]:)/, "$1"),
        "tcp",
        "--port",
        String(port),
        "--json",
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(success, new TextDecoder().decode(stderr));
    type Row = { state: number; localPort: number; remotePort: number; owningPid: number };
    // Only this process's rows: Wine also lists the sockets the child inherited, under its PID.
    const rows: Row[] = JSON.parse(new TextDecoder().decode(stdout)).filter((r: Row) =>
      r.owningPid === Deno.pid
    );
    const key = (r: Row) => `${r.state} ${r.localPort} ${r.remotePort} ${r.owningPid}`;
    const fromApi = getTcpTable2().filter((r) =>
      (r.localPort === port || r.remotePort === port) && r.owningPid === Deno.pid
    );
    assert.deepEqual(rows.map(key).sort(), fromApi.map(key).sort());
    assert.ok(rows.some((r) => r.state === TcpState.LISTEN && r.owningPid === Deno.pid));
    assert.equal(rows.filter((r) => r.state === TcpState.ESTABLISHED).length, 2);
  } finally {
    client.close();
    server.close();
    listener.close();
  }
});
