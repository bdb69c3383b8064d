// The module that owns each socket (tcp --owner, udp --owner), and why some are hidden.
import { IpHelperError, IpHelperStatus as S, type OwnerModuleBasicInfo } from "../mod.ts";

/** A row's module; null where Windows would not say. */
export interface ModuleNames {
  /** The module's file name. */
  moduleName: string | null;
  /** The module's full path. */
  modulePath: string | null;
}

/** The failures that hide one row's module, and what to tell the user. */
const HIDDEN: ReadonlyMap<number, string> = new Map([
  [S.ERROR_PARTIAL_COPY, "run elevated (Windows hides System and protected processes otherwise)"],
  [S.ERROR_NOT_FOUND, "the socket or its process ended before its module was read"],
  [S.ERROR_PROC_NOT_FOUND, "not supported by this iphlpapi.dll"],
]);

const plural = (n: number) => `${n} row${n === 1 ? "" : "s"}`;

/**
 * Looks up each row's module with `lookup` (a `GetOwnerModuleFrom*Entry`
 * function). A row whose module Windows hides (`ERROR_PARTIAL_COPY`,
 * `ERROR_NOT_FOUND`, or `ERROR_PROC_NOT_FOUND` when the DLL lacks the
 * function) gets null names and is counted in the note, which names the
 * functions the DLL lacks.
 *
 * @param rows Owner-module rows, of any protocol and family.
 * @param lookup The module of one row.
 * @returns The rows with their modules, and one note when any is hidden.
 * @throws {IpHelperError} For any other failure.
 */
export function withModules<R extends object>(
  rows: readonly R[],
  lookup: (row: R) => OwnerModuleBasicInfo,
): { rows: (R & ModuleNames)[]; note?: string } {
  const hidden = new Map<number, number>();
  const lacking = new Set<string>();
  const owned = rows.map((row): R & ModuleNames => {
    try {
      return { ...row, ...lookup(row) };
    } catch (error) {
      if (!(error instanceof IpHelperError) || !HIDDEN.has(error.code)) throw error;
      hidden.set(error.code, (hidden.get(error.code) ?? 0) + 1);
      if (error.code === S.ERROR_PROC_NOT_FOUND) lacking.add(error.functionName);
      return { ...row, moduleName: null, modulePath: null };
    }
  });
  if (hidden.size === 0) return { rows: owned };
  const total = [...hidden.values()].reduce((a, b) => a + b, 0);
  const reasons = [...hidden].map(([code, count]) => {
    const reason = code === S.ERROR_PROC_NOT_FOUND
      ? `${HIDDEN.get(code)} (it lacks ${[...lacking].join(" and ")})`
      : HIDDEN.get(code);
    return hidden.size === 1 ? reason : `${plural(count)}: ${reason}`;
  });
  return {
    rows: owned,
    note: `iphlpapi: module names hidden for ${plural(total)}: ${reasons.join("; ")}`,
  };
}
