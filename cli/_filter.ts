// The TCP row filters: --state, --port, --pid.
import { type TcpRow, type TcpRowOwnerPid, TcpState } from "../mod.ts";
import { localEndpoint, remoteEndpoint } from "./_endpoint.ts";
import { UsageError } from "./_errors.ts";

/** What rows to keep; an absent member keeps every row. */
export interface TcpFilter {
  /** Keep rows in one of these raw states. */
  states?: ReadonlySet<number>;
  /** Keep rows with this local or remote port. */
  port?: number;
  /** Keep rows owned by this process. */
  pid?: number;
}

/** netstat's spellings of the state names. */
const NETSTAT_NAMES: Readonly<Record<string, number>> = {
  LISTENING: TcpState.LISTEN,
  SYN_RECEIVED: TcpState.SYN_RCVD,
  FIN_WAIT_1: TcpState.FIN_WAIT1,
  FIN_WAIT_2: TcpState.FIN_WAIT2,
};

const STATES: ReadonlyMap<string, number> = new Map([
  ...Object.entries(TcpState),
  ...Object.entries(NETSTAT_NAMES),
]);

/**
 * The raw states named by `--state` values: comma-separated names from
 * `TcpState` or netstat (`LISTENING`), in any case.
 *
 * @param values Each `--state` given.
 * @returns The states.
 * @throws {UsageError} Naming the flag and the first unknown name.
 */
export function parseStates(values: readonly string[]): Set<number> {
  const states = new Set<number>();
  for (const name of values.flatMap((value) => value.split(","))) {
    const state = STATES.get(name.trim().toUpperCase());
    if (state === undefined) {
      throw new UsageError(
        `--state: unknown state ${JSON.stringify(name)}; expected one of ${
          Object.keys(TcpState).join(", ")
        } (or LISTENING)`,
      );
    }
    states.add(state);
  }
  return states;
}

/**
 * Whether `row` passes `filter`. A listener's remote port, undefined on
 * Windows, never matches `--port`. Rows without a PID (`--basic`) are never
 * asked about `pid`: the arguments reject that pair.
 */
export function keep(row: TcpRow & Partial<TcpRowOwnerPid>, filter: TcpFilter): boolean {
  const { states, port, pid } = filter;
  return (states === undefined || states.has(row.state)) &&
    (port === undefined || localEndpoint(row).port === port ||
      remoteEndpoint(row).port === port) &&
    (pid === undefined || row.owningPid === pid);
}
