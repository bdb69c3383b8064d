// The row filters of tcp and udp: --state (tcp only), --port, --pid.
import { TcpState } from "../mod.ts";
import { UsageError } from "./_errors.ts";
import { integer, type OptionValues, ports } from "./_parse.ts";

/** What rows to keep; an absent member keeps every row. */
export interface SocketFilter {
  /** Keep rows in one of these raw states. */
  states?: ReadonlySet<number>;
  /** Keep rows with one of these ports, local or remote. */
  ports?: ReadonlySet<number>;
  /** Keep rows owned by this process. */
  pid?: number;
}

/**
 * A state name as written anywhere, reduced to what identifies it: upper
 * case, no underscores, so `TIME_WAIT`, `time_wait` and PowerShell's
 * `TimeWait` are one name.
 */
const normalise = (name: string) => name.trim().toUpperCase().replaceAll("_", "");

/**
 * The spellings besides `TcpState`'s: netstat's `LISTENING`, and the
 * `SynReceived` of netstat and PowerShell's `Get-NetTCPConnection`.
 * (PowerShell's other names are `TcpState`'s without underscores.)
 */
const OTHER_NAMES: Readonly<Record<string, number>> = {
  LISTENING: TcpState.LISTEN,
  SYNRECEIVED: TcpState.SYN_RCVD,
};

const STATES: ReadonlyMap<string, number> = new Map([
  ...Object.entries(TcpState).map(([name, state]): [string, number] => [normalise(name), state]),
  ...Object.entries(OTHER_NAMES),
]);

/**
 * The raw states named by `--state` values: comma-separated names from
 * `TcpState` (`TIME_WAIT`), netstat (`LISTENING`, `FIN_WAIT_1`) or
 * PowerShell (`TimeWait`, `SynReceived`), in any case, underscores optional.
 *
 * @param values Each `--state` given.
 * @returns The states.
 * @throws {UsageError} Naming the flag and the first unknown name; for
 * PowerShell's `Bound`, saying why the tables never hold it.
 */
export function parseStates(values: readonly string[]): Set<number> {
  const states = new Set<number>();
  for (const name of values.flatMap((value) => value.split(","))) {
    const key = normalise(name);
    if (key === "BOUND") {
      throw new UsageError(
        "--state: Bound is a PowerShell state of sockets bound but neither listening nor " +
          "connected; the IP Helper TCP tables never hold them",
      );
    }
    const state = STATES.get(key);
    if (state === undefined) {
      throw new UsageError(
        `--state: unknown state "${name}"; expected one of ${
          Object.keys(TcpState).join(", ")
        } (any case, underscores optional; netstat's LISTENING and PowerShell's TimeWait too)`,
      );
    }
    states.add(state);
  }
  return states;
}

/** Reads `--state` (which only tcp takes), `--port` and `--pid`. */
export function parseFilter({ text, list }: OptionValues): SocketFilter {
  const [states, port, pid] = [list("state"), list("port"), text("pid")];
  return {
    ...(states !== undefined && { states: parseStates(states) }),
    ...(port !== undefined && { ports: ports(port) }),
    ...(pid !== undefined && { pid: integer(pid, "--pid", 0, 0xffffffff) }),
  };
}

/** What the filters read of a row: UDP rows have no state or remote port, --basic rows no PID. */
export interface FilteredRow {
  /** The raw TCP state. */
  state?: number;
  /** Local port. */
  localPort: number;
  /** Remote port: 0 for a listener. */
  remotePort?: number;
  /** Owning process. */
  owningPid?: number;
}

/**
 * Whether `row` passes `filter`. A listener's remote port reads 0 (the
 * decoders set it so), which `--port` never matches. Rows without a PID
 * (`--basic`) are never asked about `pid`: the arguments reject that pair.
 */
export function keep(row: FilteredRow, filter: SocketFilter): boolean {
  const { states, ports, pid } = filter;
  return (states === undefined || (row.state !== undefined && states.has(row.state))) &&
    (ports === undefined || ports.has(row.localPort) ||
      (row.remotePort !== undefined && ports.has(row.remotePort))) &&
    (pid === undefined || row.owningPid === pid);
}
