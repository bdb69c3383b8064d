// What tcp and udp share: which address families to read (-4, -6,
// --family), reading both into one list, and the rows --port, --pid,
// --state and --sort select.
import { AF_INET, AF_INET6, type Family } from "../mod.ts";
import { CaptureError } from "../mock/mod.ts";
import type { LocalMembers, RemoteMembers } from "./_endpoint.ts";
import { parseFamily } from "./_family.ts";
import { type FilteredRow, keep, type SocketFilter } from "./_filter.ts";
import { type OptionValues, refuse } from "./_parse.ts";
import { type SortKey, sortRows } from "./_sort.ts";

/**
 * Reads `-4` (`--ipv4`), `-6` (`--ipv6`) and `--family ipv4|ipv6|all`;
 * without any, both families.
 *
 * @throws {UsageError} When more than one is given, or for a bad `--family`.
 */
export function parseFamilies(values: OptionValues): Family {
  const given = [
    ...(values.flag("ipv4") ? ["-4"] : []),
    ...(values.flag("ipv6") ? ["-6"] : []),
    ...(values.text("family") !== undefined ? ["--family"] : []),
  ];
  if (given.length > 1) refuse(given, "give one, or none for both families");
  if (values.flag("ipv4")) return "ipv4";
  if (values.flag("ipv6")) return "ipv6";
  return parseFamily(values).family;
}

/** A row tagged with its address family, as `--json` shows it. */
type Tagged<R, F extends number> = { family: F } & R;

/** The rows of both families, IPv4's first, and notes about a family left out. */
interface FamilyRows<R4, R6> {
  /** The rows, each tagged with its family. */
  rows: (Tagged<R4, typeof AF_INET> | Tagged<R6, typeof AF_INET6>)[];
  /** One line per family a replayed capture holds no table of. */
  notes: string[];
}

/**
 * The rows of the families `family` selects, IPv4's before IPv6's (as
 * netstat lists them), each tagged with its family. With both families, a
 * replayed capture that holds one family's table only (one recorded before
 * IPv6 tables were) shows that family, and a note says which is left out.
 *
 * @throws {CaptureError} When the capture holds neither table, or not the one family asked for.
 */
export function readFamilies<R4 extends object, R6 extends object>(
  family: Family,
  ipv4: () => R4[],
  ipv6: () => R6[],
): FamilyRows<R4, R6> {
  const v4 = () => ipv4().map((row): Tagged<R4, typeof AF_INET> => ({ family: AF_INET, ...row }));
  const v6 = () => ipv6().map((row): Tagged<R6, typeof AF_INET6> => ({ family: AF_INET6, ...row }));
  if (family === "ipv4") return { rows: v4(), notes: [] };
  if (family === "ipv6") return { rows: v6(), notes: [] };
  const missing: CaptureError[] = [];
  const notes: string[] = [];
  const read = <R>(name: string, rows: () => R[]): R[] => {
    try {
      return rows();
    } catch (error) {
      if (!(error instanceof CaptureError)) throw error;
      missing.push(error);
      notes.push(`iphlpapi: ${name} rows not shown: ${error.message}`);
      return [];
    }
  };
  const rows = [...read("IPv4", v4), ...read("IPv6", v6)];
  // Nothing of either family: the error, not an empty table.
  if (missing.length === 2) throw missing[0];
  return { rows, notes };
}

/** What selecting reads of a row. */
type Selected = FilteredRow & LocalMembers & Partial<RemoteMembers>;

/** The rows `filter` keeps, sorted by `sort` when given. */
export function select<R extends Selected>(
  rows: readonly R[],
  filter: SocketFilter,
  sort: SortKey | undefined,
): R[] {
  const kept = rows.filter((row) => keep(row, filter));
  return sort === undefined ? kept : sortRows(kept, sort);
}
