// The embedded sample that the tool replays off Windows. Both captures are
// static JSON imports, so `deno compile` and JSR bundle them: nothing is read
// from the file system at run time.
import { type Capture, parseCapture } from "../mock/mod.ts";
import mingw from "./sample/mingw.capture.json" with { type: "json" };
import wine from "./sample/wine10.capture.json" with { type: "json" };

/**
 * The embedded sample: the mingw-w64 capture (interfaces, anycast addresses,
 * owner modules) layered over the TCP tables recorded under Wine 10. The mock
 * replays the first call that matches, so the mingw calls come first.
 *
 * @returns The capture.
 */
export function embeddedSample(): Capture {
  const upper = parseCapture(mingw);
  const lower = parseCapture(wine);
  return {
    format: lower.format,
    version: lower.version,
    producer: "TCP tables recorded under Wine 10, the rest built from the Windows headers; " +
      "see tests/fixtures/",
    calls: [...upper.calls, ...lower.calls],
  };
}
