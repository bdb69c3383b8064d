// Compares structs/layout.ts with what the C compiler computes from the real
// Windows headers. Needs mingw-w64 (x86_64-w64-mingw32-gcc) and, off Windows,
// Wine; run by `deno task test:layout`, not by `deno task test`.
import assert from "node:assert/strict";
import * as layout from "../../structs/layout.ts";

const here = new URL(".", import.meta.url);
const CC = Deno.env.get("MINGW_CC") ?? "x86_64-w64-mingw32-gcc";
const WINE = Deno.env.get("WINE") ?? "/usr/lib/wine/wine64";

async function run(cmd: string, args: string[]): Promise<string> {
  const out = await new Deno.Command(cmd, {
    args,
    env: { WINEDEBUG: "-all" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  if (!out.success) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${new TextDecoder().decode(out.stderr)}`);
  }
  return text;
}

/** Runs the probe and returns its "STRUCT MEMBER VALUE" lines as a map. */
async function probe(): Promise<Map<string, number>> {
  const dir = await Deno.makeTempDir({ prefix: "iphlpapi-probe-" });
  try {
    const exe = `${dir}/probe.exe`;
    await run(CC, ["-Wall", "-Wextra", "-Werror", "-o", exe, new URL("probe.c", here).pathname]);
    const text = Deno.build.os === "windows" ? await run(exe, []) : await run(WINE, [exe]);
    const result = new Map<string, number>();
    for (const line of text.split(/\r?\n/)) {
      if (line === "") continue;
      const [struct, member, value] = line.split(" ");
      result.set(`${struct}.${member}`, Number(value));
    }
    return result;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const measured = await probe();

Deno.test("every constant in structs/layout.ts equals the header's sizeof/offsetof", () => {
  const declared = new Map<string, number>();
  for (const [struct, members] of Object.entries(layout)) {
    for (const [member, value] of Object.entries(members)) {
      declared.set(`${struct}.${member}`, value);
    }
  }
  assert.ok(declared.size > 90, `only ${declared.size} constants declared`);
  assert.deepEqual(
    [...declared].sort(),
    [...measured].sort(),
    "structs/layout.ts and tests/layout/probe.c disagree",
  );
});
