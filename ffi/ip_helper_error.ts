import { IpHelperStatus, statusName } from "./status.ts";

const S = IpHelperStatus;

/** What to do about a code, by `"Function:code"` first, then by code alone. */
const ADVICE: ReadonlyMap<number | string, string> = new Map<number | string, string>([
  [
    `GetOwnerModuleFrom*Entry:${S.ERROR_PARTIAL_COPY}`,
    "Windows could not read the owning process's module: it is System or Idle (PID 4 or 0), " +
    "a protected process, or this program is not elevated. Run as Administrator to see more.",
  ],
  [
    `GetOwnerModuleFrom*Entry:${S.ERROR_NOT_FOUND}`,
    "The socket closed, or its process exited, after the table was read.",
  ],
  [
    S.ERROR_INVALID_FUNCTION,
    "This system's iphlpapi.dll does not support the call with these arguments (Wine answers so for GetIpNetTable2 of any family but IPv4).",
  ],
  [S.ERROR_ACCESS_DENIED, "Run the program elevated (as Administrator)."],
  [S.ERROR_NOT_ENOUGH_MEMORY, "The system is out of memory; free some and try again."],
  [
    S.ERROR_NOT_SUPPORTED,
    "This system's iphlpapi.dll does not implement the function (Wine, for one, lacks some); there is nothing to retry.",
  ],
  [
    S.ERROR_INVALID_PARAMETER,
    "Windows rejected the arguments. This is a bug: please report it with a capture (`cli.ts capture`).",
  ],
  [
    S.ERROR_PROC_NOT_FOUND,
    "Not supported on this system: its iphlpapi.dll does not export the function (Wine lacks the GetOwnerModuleFrom*Entry and Get*StatisticsEx2 functions).",
  ],
  [
    S.STATUS_UNSUCCESSFUL,
    "Windows documents this as transient under heavy load; call again in a moment.",
  ],
]);

/**
 * Thrown when an IP Helper function fails. It names the function, the
 * numeric code and its symbolic name, and says what to do where there is
 * something to do.
 *
 * @example
 * ```ts
 * import { getIpInterfaceTable, IpHelperError, IpHelperStatus } from "@iphlpapi/iphlpapi";
 *
 * try {
 *   getIpInterfaceTable();
 * } catch (error) {
 *   if (error instanceof IpHelperError && error.code === IpHelperStatus.ERROR_NOT_SUPPORTED) {
 *     console.error(error.message);
 *   }
 * }
 * ```
 */
export class IpHelperError extends Error {
  /** Always `"IpHelperError"`. */
  override name = "IpHelperError";
  /** The Windows function that failed, for example `"GetTcpTable2"`. */
  readonly functionName: string;
  /** The status it returned. */
  readonly code: number;
  /** The status's symbolic name, for example `"ERROR_NOT_SUPPORTED"`. */
  readonly codeName: string;
  /** What to do about it (may be empty). */
  readonly advice: string;

  /**
   * Makes the error for `functionName` returning `code`.
   *
   * @param functionName The Windows function that failed.
   * @param code The status it returned.
   * @param advice What to do; defaults to the general advice for `code`.
   */
  constructor(functionName: string, code: number, advice?: string) {
    const codeName = statusName(code);
    // The four GetOwnerModuleFrom*Entry functions share their advice.
    const group = functionName.replace(/^GetOwnerModuleFrom\w+Entry$/, "GetOwnerModuleFrom*Entry");
    const text = advice ?? ADVICE.get(`${group}:${code}`) ?? ADVICE.get(code) ?? "";
    super(`${functionName} failed: ${codeName} (${code}).${text ? " " + text : ""}`);
    this.functionName = functionName;
    this.code = code;
    this.codeName = codeName;
    this.advice = text;
  }
}
