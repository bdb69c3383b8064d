// The module that owns each connection (tcp --owner), and why some are hidden.
import {
  getOwnerModuleFromTcpEntry,
  IpHelperError,
  IpHelperStatus as S,
  type IpHelperSymbols,
  type TcpRowOwnerModule,
} from "../mod.ts";

/** An owner-module row with its module; null where Windows would not say. */
export interface OwnedRow extends TcpRowOwnerModule {
  /** The module's file name. */
  moduleName: string | null;
  /** The module's full path. */
  modulePath: string | null;
}

/** The failures that hide one row's module, and what to tell the user. */
const HIDDEN: ReadonlyMap<number, string> = new Map([
  [S.ERROR_PARTIAL_COPY, "run elevated (Windows hides System and protected processes otherwise)"],
  [S.ERROR_NOT_FOUND, "the connection or its process ended before its module was read"],
  [
    S.ERROR_PROC_NOT_FOUND,
    "not supported by this iphlpapi.dll (it lacks GetOwnerModuleFromTcpEntry)",
  ],
]);

const plural = (n: number) => `${n} row${n === 1 ? "" : "s"}`;

/**
 * Looks up each row's module. A row whose module Windows hides
 * (`ERROR_PARTIAL_COPY`, `ERROR_NOT_FOUND`, or `ERROR_PROC_NOT_FOUND` when
 * the DLL lacks the function) gets null names and is counted in the note.
 *
 * @param rows Rows from `getExtendedTcpTable({ owner: "module" })`.
 * @param symbols A mock's functions, or undefined for the live DLL.
 * @returns The rows with their modules, and one note when any is hidden.
 * @throws {IpHelperError} For any other failure.
 */
export function withModules(
  rows: readonly TcpRowOwnerModule[],
  symbols: IpHelperSymbols | undefined,
): { rows: OwnedRow[]; note?: string } {
  const hidden = new Map<number, number>();
  const hide = (row: TcpRowOwnerModule, code: number): OwnedRow => {
    hidden.set(code, (hidden.get(code) ?? 0) + 1);
    return { ...row, moduleName: null, modulePath: null };
  };
  const owned = rows.map((row): OwnedRow => {
    // Once the DLL is known to lack the function, do not ask again per row.
    if (hidden.has(S.ERROR_PROC_NOT_FOUND)) return hide(row, S.ERROR_PROC_NOT_FOUND);
    try {
      return { ...row, ...getOwnerModuleFromTcpEntry(row, symbols ? { symbols } : {}) };
    } catch (error) {
      if (!(error instanceof IpHelperError) || !HIDDEN.has(error.code)) throw error;
      return hide(row, error.code);
    }
  });
  if (hidden.size === 0) return { rows: owned };
  const total = [...hidden.values()].reduce((a, b) => a + b, 0);
  const reasons = [...hidden].map(([code, count]) =>
    hidden.size === 1 ? HIDDEN.get(code)! : `${plural(count)}: ${HIDDEN.get(code)}`
  );
  return {
    rows: owned,
    note: `iphlpapi: module names hidden for ${plural(total)}: ${reasons.join("; ")}`,
  };
}
