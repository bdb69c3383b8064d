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
  ERROR_INVALID_FUNCTION: 1,
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
 * module does not know (`"0x000004C7"`; -1 is `"0xFFFFFFFF"`).
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
  // A status is a DWORD; a negative 32-bit value (as a signed read gives) is the same DWORD.
  if (!Number.isInteger(code) || code < -0x8000_0000 || code > 0xffff_ffff) {
    return `invalid status ${String(code)}`;
  }
  const dword = code >>> 0;
  return NAMES.get(dword) ?? `0x${dword.toString(16).toUpperCase().padStart(8, "0")}`;
}
