import { namesByValue } from "../structs/_names.ts";

/**
 * The status codes the IP Helper functions document, by symbolic name.
 *
 * @example
 * ```ts
 * import { IpHelperError, IpHelperStatus } from "@iphlpapi/iphlpapi";
 *
 * const error = new IpHelperError("GetIpInterfaceTable", IpHelperStatus.ERROR_NOT_SUPPORTED);
 * console.log(error.codeName); // "ERROR_NOT_SUPPORTED"
 * ```
 */
export const IpHelperStatus = {
  ERROR_SUCCESS: 0,
  ERROR_ACCESS_DENIED: 5,
  ERROR_NOT_ENOUGH_MEMORY: 8,
  ERROR_NOT_SUPPORTED: 50,
  ERROR_INVALID_PARAMETER: 87,
  ERROR_INSUFFICIENT_BUFFER: 122,
  ERROR_MOD_NOT_FOUND: 126,
  ERROR_PROC_NOT_FOUND: 127,
  ERROR_NO_DATA: 232,
  ERROR_PARTIAL_COPY: 299,
  ERROR_NOT_FOUND: 1168,
  STATUS_UNSUCCESSFUL: 0xC0000001,
} as const;

/** A name of {@linkcode IpHelperStatus}. */
export type IpHelperStatusName = keyof typeof IpHelperStatus;

const NAMES = namesByValue(IpHelperStatus);

/**
 * The symbolic name of a status code, or its hexadecimal form for a code this
 * module does not know (`"0x000004C7"`).
 *
 * @param code A DWORD status.
 * @returns The name.
 *
 * @example
 * ```ts
 * import { statusName } from "@iphlpapi/iphlpapi";
 *
 * console.log(statusName(122)); // "ERROR_INSUFFICIENT_BUFFER"
 * ```
 */
export function statusName(code: number): string {
  return NAMES.get(code) ?? `0x${code.toString(16).toUpperCase().padStart(8, "0")}`;
}
