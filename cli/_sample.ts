// The embedded sample that the tool replays off Windows. The captures are
// static JSON imports, so `deno compile`, `deno bundle` and JSR ship them:
// nothing is read from the file system at run time.
import { type Capture, parseCapture } from "../mock/mod.ts";
import mingw from "./sample/mingw.capture.json" with { type: "json" };
import mingwConnections from "./sample/mingw_connections.capture.json" with { type: "json" };
import mingwNetio from "./sample/mingw_netio.capture.json" with { type: "json" };
import wine from "./sample/wine10.capture.json" with { type: "json" };

/**
 * The embedded sample: captures layered so that the mock's first match
 * wins. The header-built mingw-w64 tables come first: what Wine lacks
 * (IP interfaces, owner modules, the Ex2 statistics, neighbours of every
 * family) and addresses, routes and interfaces richer than Wine's loopback.
 * Then the tables recorded under Wine 10 (real connections with one PID);
 * then the header-built connection tables, which Wine already answers.
 * The process names are Wine's, the only layer that records them.
 *
 * @returns The capture.
 */
export function embeddedSample(): Capture {
  const layers = [mingw, mingwNetio, wine, mingwConnections].map((layer) => parseCapture(layer));
  return {
    format: layers[0]!.format,
    version: layers[0]!.version,
    producer: "recorded under Wine 10 and built from the Windows headers; see cli/sample/",
    calls: layers.flatMap((layer) => layer.calls),
    processes: Object.assign({}, ...layers.toReversed().map((layer) => layer.processes)),
  };
}
